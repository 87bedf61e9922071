/**
 * An MCP key, as Odoo issued it, exchanged for what the agent acts with: the key's user, the tools
 * its scope and the administrator allow, and a short-lived delegation token bound to the key
 * (`POST /copilot/mcp/exchange`, signed with the shared secret, like the turn events the agent
 * pushes). The key itself never leaves this module but to Odoo: never logged, never stored, never
 * shown to the model. An answer is kept in memory a short while (by the key's hash), well within the
 * token's five minutes; Odoo's gateway checks the key again at every call, so a revoked key stops at
 * once all the same.
 */
import { createHash, randomBytes } from "node:crypto";
import { sign } from "../http/signature.js";
import type { OdooUser, ToolPolicy, TurnRequest } from "../agent/turn-types.js";

type ModelMapInput = TurnRequest["models"];

/** `ocmcp_<64 hex>_<database, base64url>` (odoo_addon/copilot/models/copilot_mcp.py). */
const KEY_FORMAT = /^ocmcp_[0-9a-f]{64}_([A-Za-z0-9_-]+)$/;

export type McpIdentity = {
  key: { id: number; name: string; scope: "read" | "write" };
  user: OdooUser;
  /** The tools the administrator's policies allow this key (a read key: the read ones only). */
  tools: ToolPolicy;
  models: ModelMapInput | undefined;
  delegation: string;
  /** The key's hash: what the agent keys its own state by (never the key). */
  keyHash: string;
};

export class McpAuthError extends Error {
  readonly code: "missing_key" | "invalid_key" | "mcp_disabled" | "unavailable";
  constructor(code: McpAuthError["code"], message: string) {
    super(message);
    this.name = "McpAuthError";
    this.code = code;
  }
}

/** The database a key names, or `undefined` for anything that is not a key. */
export function keyDatabase(key: string): string | undefined {
  const match = KEY_FORMAT.exec(key);
  if (!match) return undefined;
  try {
    const db = Buffer.from(match[1]!, "base64url").toString("utf8");
    return db && /^[\w.-]+$/.test(db) ? db : undefined;
  } catch {
    return undefined;
  }
}

export function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** How long an exchanged identity is reused (the token lives 300 s). */
const REUSE_MS = 120_000;

export function createKeyExchange(options: { odooUrl: string; secret: string; timeoutMs?: number; fetch?: typeof fetch; now?: () => number }) {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { identity: McpIdentity; until: number }>();
  /** A session cookie bound to each database (17.0/18.0 pick the database from the session only). */
  const dbSessions = new Map<string, string>();

  async function dbCookie(db: string): Promise<string | undefined> {
    // Odoo answers /web/login?db=… with a session bound to that database
    const response = await doFetch(`${options.odooUrl}/web/login?db=${encodeURIComponent(db)}`, { redirect: "manual", signal: AbortSignal.timeout(options.timeoutMs ?? 15_000) });
    await response.body?.cancel().catch(() => undefined);
    const cookie = /session_id=([^;]+)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
    if (cookie) dbSessions.set(db, cookie);
    return cookie;
  }

  async function post(db: string, key: string): Promise<Response> {
    const path = "/copilot/mcp/exchange";
    const body = JSON.stringify({ db, key });
    const timestamp = String(Math.floor(now() / 1000));
    const nonce = randomBytes(16).toString("base64url");
    const cookie = dbSessions.get(db);
    return doFetch(`${options.odooUrl}${path}`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "X-Copilot-Timestamp": timestamp,
        "X-Copilot-Nonce": nonce,
        "X-Copilot-Signature": sign(options.secret, { timestamp, nonce, method: "POST", path, body }),
        "X-Odoo-Database": db,
        ...(cookie ? { Cookie: `session_id=${cookie}` } : {}),
      },
      body,
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
  }

  return {
    /**
     * Who a key acts as; throws `McpAuthError` for a missing, unknown, revoked or expired key.
     * `fresh`: ask Odoo even when a recent answer is known (a client connecting).
     */
    async identify(key: string | undefined, options: { fresh?: boolean } = {}): Promise<McpIdentity> {
      if (!key) throw new McpAuthError("missing_key", "An MCP key is required: Authorization: Bearer <key> (create one in Odoo: Copilot › MCP keys).");
      const db = keyDatabase(key);
      if (!db) throw new McpAuthError("invalid_key", "This is not an Odoo Copilot MCP key.");
      const keyHash = hashKey(key);
      const cached = cache.get(keyHash);
      if (cached && cached.until > now() && !options.fresh) return cached.identity;
      cache.delete(keyHash);
      let response: Response;
      try {
        response = await post(db, key);
        // no database chosen for this request (several databases, no --db-filter): name it
        if (response.status === 404 && !dbSessions.has(db) && (await dbCookie(db))) response = await post(db, key);
      } catch {
        throw new McpAuthError("unavailable", "Odoo cannot be reached right now. Try again in a moment.");
      }
      const answer = (await response.json().catch(() => ({}))) as {
        ok?: boolean;
        code?: string;
        message?: string;
        key?: McpIdentity["key"];
        user?: OdooUser;
        tools?: ToolPolicy;
        models?: ModelMapInput;
        delegation?: string;
        expires_in?: number;
      };
      if (response.status === 401) {
        throw new McpAuthError(answer.code === "mcp_disabled" ? "mcp_disabled" : "invalid_key", answer.message || "This MCP key is not valid (unknown, revoked or expired).");
      }
      if (!response.ok || !answer.ok || !answer.user || !answer.delegation || !answer.key) {
        throw new McpAuthError("unavailable", `Odoo refused the agent's exchange (HTTP ${response.status}): check COPILOT_SHARED_SECRET and ODOO_URL.`);
      }
      if (answer.user.db_session) dbSessions.set(db, answer.user.db_session);
      const identity: McpIdentity = { key: answer.key, user: answer.user, tools: answer.tools ?? {}, models: answer.models, delegation: answer.delegation, keyHash };
      const reuse = Math.min(REUSE_MS, Math.max(0, ((answer.expires_in ?? 300) - 120) * 1000));
      cache.set(keyHash, { identity, until: now() + reuse });
      if (cache.size > 10_000) cache.delete(cache.keys().next().value!);
      return identity;
    },
    /** Forgets a key's identity (its token was refused: revoked, or the administrator changed something). */
    forget(keyHash: string): void {
      cache.delete(keyHash);
    },
  };
}

export type KeyExchange = ReturnType<typeof createKeyExchange>;
