import Odoo from "odoo-await";
import { OdooError, kindOfOdooException, mergeContext, withHelpers, type OdooClient, type OdooErrorKind, type UserContext } from "./odoo-client.js";

export type XmlRpcOptions = {
  url: string;
  db: string;
  login: string;
  /** A password or an API key. */
  password: string;
  context?: UserContext;
  timeoutMs: number;
};

/**
 * Calls Odoo's external API (`/xmlrpc/2`) with a login and password or API key, for use
 * without the addon (scripts, the eval runner). No action log: the addon is not in the path.
 */
export function createXmlRpcClient(options: XmlRpcOptions): OdooClient & { connect(): Promise<number> } {
  const url = new URL(options.url);
  const odoo = new Odoo({
    baseUrl: `${url.protocol}//${url.hostname}`,
    port: url.port ? Number(url.port) : undefined,
    db: options.db,
    username: options.login,
    password: options.password,
  });
  let connecting: Promise<number> | undefined;

  const connect = (): Promise<number> => {
    connecting ??= withTimeout(odoo.connect() as Promise<number>, options.timeoutMs).catch((cause: unknown) => {
      connecting = undefined;
      throw toOdooError(cause);
    });
    return connecting;
  };

  const client = withHelpers(async (model, method, args, kwargs = {}) => {
    await connect();
    try {
      return (await withTimeout(
        odoo.execute_kw(model, method, [args, mergeContext(kwargs, options.context ?? {})]),
        options.timeoutMs,
      )) as never;
    } catch (cause) {
      throw toOdooError(cause);
    }
  });
  return { ...client, connect };
}

function toOdooError(cause: unknown): OdooError {
  if (cause instanceof OdooError) return cause;
  if (typeof cause === "string") return new OdooError("auth", cause);
  const error = cause as { code?: string; faultCode?: number; faultString?: string; message?: string };
  // Odoo's fault codes (odoo/service/wsgi_server.py): 2 user error, 3 access denied, 4 access error.
  const byCode: Record<number, OdooErrorKind> = { 2: "validation", 3: "auth", 4: "access" };
  if (error.faultString !== undefined && error.faultCode !== undefined && byCode[error.faultCode]) {
    return new OdooError(byCode[error.faultCode]!, error.faultString.trim(), undefined, { cause });
  }
  if (error.faultString !== undefined) {
    // Odoo's fault string ends with "odoo.exceptions.AccessError: <message>" after a traceback.
    const match = /(odoo\.exceptions\.\w+|\w+Error): ([\s\S]*?)\s*$/.exec(error.faultString);
    const name = match?.[1];
    const message = (match?.[2] ?? error.faultString).split("\n")[0] ?? error.faultString;
    return new OdooError(kindOfOdooException(name), message, name, { cause });
  }
  return new OdooError("unavailable", error.message ?? "Odoo unreachable", undefined, { cause });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new OdooError("unavailable", `Odoo did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
