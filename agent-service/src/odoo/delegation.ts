import { createHmac, randomBytes } from "node:crypto";

/**
 * The addon's delegation token format (docs/contract.md (C)). The service never makes one: Odoo
 * signs them for its signed-in user. Tools that stand in for the addon use this — the eval runner
 * over the gateway transport, the Odoo double and the contract suite — so all share one format.
 */
export function delegationKey(secret: string): Buffer {
  return createHmac("sha256", secret).update("copilot-delegation-v1").digest();
}

export function mintDelegation(
  secret: string,
  claims: { db: string; uid: number; sid?: string | null; tid?: string; kid?: number; scope?: "read" | "write"; ttlSeconds?: number; now?: number },
): string {
  const iat = Math.floor((claims.now ?? Date.now()) / 1000);
  const payload = {
    v: 1,
    db: claims.db,
    uid: claims.uid,
    sid: claims.sid ?? null,
    ...(claims.tid ? { tid: claims.tid } : {}),
    ...(claims.kid !== undefined ? { kid: claims.kid, scope: claims.scope ?? "read" } : {}),
    iat,
    exp: iat + (claims.ttlSeconds ?? 300),
    jti: randomBytes(9).toString("base64url"),
  };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  const signature = createHmac("sha256", delegationKey(secret)).update(body).digest("base64url");
  return `${body}.${signature}`;
}

export type DelegationClaims = { v: number; db: string; uid: number; sid: string | null; tid?: string; kid?: number; scope?: "read" | "write"; iat: number; exp: number };

export function verifyDelegation(secret: string, token: string, nowSeconds = Date.now() / 1000): DelegationClaims | undefined {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return undefined;
  const expected = createHmac("sha256", delegationKey(secret)).update(body).digest("base64url");
  if (expected !== signature) return undefined;
  const claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as DelegationClaims;
  return claims.v === 1 && claims.exp > nowSeconds ? claims : undefined;
}
