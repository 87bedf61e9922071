import { OdooError, kindOfOdooException, mergeContext, withHelpers, type OdooClient, type UserContext } from "./odoo-client.js";

export type Json2Options = {
  /** Odoo's base URL (Odoo 19+). */
  url: string;
  db: string;
  /** An API key of the user the calls act as (Preferences › Account Security). */
  apiKey: string;
  context?: UserContext;
  timeoutMs: number;
  fetch?: typeof fetch;
};

/**
 * execute_kw's positional arguments as JSON-2's named ones, for the methods the tools call:
 * `ids` says whether the first argument is the record ids, then the names of the rest, in order.
 */
const SIGNATURES: Record<string, { ids: boolean; names: string[] }> = {
  search_read: { ids: false, names: ["domain", "fields", "offset", "limit", "order"] },
  search_count: { ids: false, names: ["domain", "limit"] },
  name_search: { ids: false, names: ["name", "domain", "operator", "limit"] },
  read: { ids: true, names: ["fields"] },
  write: { ids: true, names: ["vals"] },
  onchange: { ids: true, names: ["values", "field_names", "fields_spec"] },
  message_post_with_source: { ids: true, names: ["source_ref"] },
  check: { ids: false, names: ["model_names"] },
};

/**
 * Odoo 19's JSON-2 API (`POST /json/2/<model>/<method>`, bearer API key, named arguments), behind
 * the same OdooClient interface. The API key is the user's: their rights apply. No action log (the
 * addon is not in the path).
 */
export function createJson2Client(options: Json2Options): OdooClient {
  const doFetch = options.fetch ?? fetch;
  return withHelpers(async (model, method, args, kwargs = {}) => {
    const body = toNamed(method, args, mergeContext(kwargs, options.context ?? {}));
    let response: Response;
    try {
      response = await doFetch(`${options.url}/json/2/${encodeURIComponent(model)}/${encodeURIComponent(method)}`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json; charset=utf-8",
          Authorization: `bearer ${options.apiKey}`,
          "X-Odoo-Database": options.db,
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (cause) {
      throw new OdooError("unavailable", `Odoo unreachable at ${options.url}`, undefined, { cause });
    }
    const answer = (await response.json().catch(() => undefined)) as unknown;
    if (!response.ok) {
      const error = (answer ?? {}) as { name?: string; message?: string };
      if (response.status === 401) throw new OdooError("auth", error.message ?? "Invalid API key", error.name);
      if (response.status >= 500 && !error.name) throw new OdooError("unavailable", `Odoo answered HTTP ${response.status}`);
      throw new OdooError(kindOfOdooException(error.name), error.message ?? `HTTP ${response.status}`, error.name);
    }
    // create answers the new ids; execute_kw answers the id when given one record's values.
    if (method === "create" && Array.isArray(answer) && !Array.isArray(args[0])) return answer[0] as never;
    return answer as never;
  });
}

function toNamed(method: string, args: unknown[], kwargs: Record<string, unknown>): Record<string, unknown> {
  if (method === "create") return { ...kwargs, vals_list: Array.isArray(args[0]) ? args[0] : [args[0]] };
  const signature = SIGNATURES[method] ?? { ids: Array.isArray(args[0]), names: [] };
  const rest = signature.ids ? args.slice(1) : args;
  if (rest.length > signature.names.length) throw new OdooError("validation", `json2 transport: positional arguments of ${method} are not known`);
  const named: Record<string, unknown> = { ...kwargs };
  if (signature.ids) named.ids = args[0] ?? [];
  rest.forEach((value, index) => {
    named[signature.names[index]!] = value;
  });
  return named;
}
