import { createHmac, randomBytes } from "node:crypto";

/**
 * Makes a delegation token exactly as the Odoo addon does (docs/contract.md (C)): the Odoo double
 * checks them, and the contract suite uses them against a real addon that shares the secret.
 */
export function delegationKey(secret: string): Buffer {
  return createHmac("sha256", secret).update("copilot-delegation-v1").digest();
}

export function mintDelegation(
  secret: string,
  claims: { db: string; uid: number; sid?: string | null; ttlSeconds?: number; now?: number },
): string {
  const iat = Math.floor((claims.now ?? Date.now()) / 1000);
  const payload = { v: 1, db: claims.db, uid: claims.uid, sid: claims.sid ?? null, iat, exp: iat + (claims.ttlSeconds ?? 300), jti: randomBytes(9).toString("base64url") };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  const signature = createHmac("sha256", delegationKey(secret)).update(body).digest("base64url");
  return `${body}.${signature}`;
}

export type DelegationClaims = { v: number; db: string; uid: number; sid: string | null; iat: number; exp: number };

export function verifyDelegation(secret: string, token: string, nowSeconds = Date.now() / 1000): DelegationClaims | undefined {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return undefined;
  const expected = createHmac("sha256", delegationKey(secret)).update(body).digest("base64url");
  if (expected !== signature) return undefined;
  const claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as DelegationClaims;
  return claims.v === 1 && claims.exp > nowSeconds ? claims : undefined;
}
