/**
 * JSON-RPC over `fetch`, with the user's session cookie.
 *
 * Odoo 17 calls routes through `env.services.rpc`, 18 and 19 through `rpc` from
 * `@web/core/network/rpc`; both also pop up Odoo's error dialog on failure. Posting the
 * envelope ourselves works the same in every version and lets the panel show errors in place.
 */

/** What Odoo puts in `error.data` (odoo/http.py `serialize_exception`). */
export interface RpcErrorData {
  name?: string;
  /** The (translated) text meant for the user. */
  message?: string;
  arguments?: unknown[];
  debug?: string;
  context?: Record<string, unknown>;
}

/**
 * - `server`: Odoo answered with a JSON-RPC error (a UserError, an AccessError, …);
 * - `http`: the answer was not JSON-RPC (HTTP 404 when the route does not exist, a proxy's 502…);
 * - `network`: no answer at all (server down, connection lost).
 */
export type RpcErrorKind = "server" | "http" | "network";

export class RpcError extends Error {
  readonly kind: RpcErrorKind;
  readonly status: number | undefined;
  readonly code: number | undefined;
  readonly data: RpcErrorData | undefined;

  constructor(
    kind: RpcErrorKind,
    message: string,
    details: { status?: number; code?: number; data?: RpcErrorData; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "RpcError";
    this.kind = kind;
    this.status = details.status;
    this.code = details.code;
    this.data = details.data;
  }

  /**
   * The route does not exist on this server (an addon older than the panel): Odoo answers an
   * unknown URL with its HTML 404 page, or a JSON-RPC error naming werkzeug's NotFound.
   */
  get isMissingRoute(): boolean {
    if (this.kind === "http") {
      return this.status === 404;
    }
    return this.kind === "server" && (this.code === 404 || /NotFound/.test(this.data?.name ?? ""));
  }

  /** Odoo's answer when the session cookie is no longer valid. */
  get isSessionExpired(): boolean {
    return this.data?.name === "odoo.http.SessionExpiredException";
  }
}

export type Rpc = <T>(route: string, params?: Record<string, unknown>) => Promise<T>;

export interface RpcOptions {
  /** Prefix of every route; empty (same origin) in the browser. */
  baseUrl?: string;
  fetch?: typeof fetch;
}

interface JsonRpcResponse {
  result?: unknown;
  error?: { code?: number; message?: string; data?: RpcErrorData };
}

export function createRpc(options: RpcOptions = {}): Rpc {
  const baseUrl = options.baseUrl ?? "";
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  let nextId = 1;

  return async function rpc<T>(route: string, params: Record<string, unknown> = {}): Promise<T> {
    const body = JSON.stringify({ jsonrpc: "2.0", method: "call", id: nextId++, params });
    let response: Response;
    try {
      response = await doFetch(baseUrl + route, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        credentials: "same-origin",
        body,
      });
    } catch (error) {
      throw new RpcError("network", `${route}: no answer from the server`, { cause: error });
    }

    let payload: JsonRpcResponse | undefined;
    if ((response.headers.get("content-type") ?? "").includes("json")) {
      payload = (await response.json().catch(() => undefined)) as JsonRpcResponse | undefined;
    }
    if (!payload || typeof payload !== "object" || !("result" in payload || "error" in payload)) {
      throw new RpcError("http", `${route}: HTTP ${response.status}`, { status: response.status });
    }
    if (payload.error) {
      const { code, message, data } = payload.error;
      const text = (typeof data?.message === "string" && data.message) || message || "Odoo Server Error";
      throw new RpcError("server", text, {
        status: response.status,
        ...(code === undefined ? {} : { code }),
        ...(data === undefined ? {} : { data }),
      });
    }
    return payload.result as T;
  };
}
