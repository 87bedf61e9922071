import { OdooError, kindOfOdooException, mergeContext, withHelpers, type OdooClient, type UserContext } from "./odoo-client.js";

export type GatewayOptions = {
  /** Odoo's base URL, e.g. http://odoo:8069 */
  url: string;
  /** The delegation token the addon signed for this user; opaque here. */
  token: string;
  context: UserContext;
  timeoutMs: number;
  /** The user's database: sent as `X-Odoo-Database` (Odoo 19) … */
  db?: string | undefined;
  /** … and as the cookie of a session bound to it and to no user (17, 18: the only way they pick one). */
  dbSession?: string | undefined;
  fetch?: typeof fetch;
};

type JsonRpcAnswer = {
  result?: unknown;
  error?: { message?: string; data?: { name?: string; message?: string } };
};

/**
 * Calls Odoo through the addon's `/copilot/rpc` route, as the user the token names:
 * Odoo's access rights and record rules apply, and the addon logs every write.
 */
export function createGatewayClient(options: GatewayOptions): OdooClient {
  const doFetch = options.fetch ?? fetch;
  const endpoint = `${options.url}/copilot/rpc`;

  return withHelpers(async (model, method, args, kwargs = {}, meta = {}) => {
    const body = JSON.stringify({
      jsonrpc: "2.0",
      method: "call",
      id: Date.now(),
      params: {
        token: options.token,
        model,
        method,
        args,
        kwargs: mergeContext(kwargs, options.context),
        meta: { tool: meta.tool, session_id: meta.sessionId, turn_id: meta.turnId, action_id: meta.actionId },
      },
    });
    let response: Response;
    try {
      response = await doFetch(endpoint, {
        method: "POST",
        headers: dbHeaders(options.db, options.dbSession),
        body,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (cause) {
      throw new OdooError("unavailable", `Odoo unreachable at ${options.url}`, undefined, { cause });
    }
    if (!response.ok) {
      throw new OdooError(
        response.status === 404 ? "validation" : "unavailable",
        `Odoo answered HTTP ${response.status} on /copilot/rpc`,
      );
    }
    const answer = (await response.json().catch(() => ({}))) as JsonRpcAnswer;
    if (answer.error) {
      const name = answer.error.data?.name;
      const message = answer.error.data?.message || answer.error.message || "Odoo error";
      throw new OdooError(kindOfOdooException(name), message, name);
    }
    return answer.result as never;
  });
}

/** Names the database of a call to Odoo (docs/production.md, "Several databases"). */
export function dbHeaders(db: string | undefined, dbSession: string | undefined): Record<string, string> {
  return {
    "Content-Type": "application/json",
    ...(db ? { "X-Odoo-Database": db } : {}),
    ...(dbSession ? { Cookie: `session_id=${dbSession}` } : {}),
  };
}
