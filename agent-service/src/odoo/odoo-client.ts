/** What the tools need from Odoo: execute_kw semantics, whatever carries the call. */
export type OdooDomain = unknown[];
export type OdooRecord = Record<string, unknown> & { id: number };

export type CallMeta = {
  tool?: string;
  sessionId?: string;
  turnId?: string;
  actionId?: string;
};

export type SearchReadOptions = {
  fields: string[];
  limit?: number;
  offset?: number;
  order?: string;
  context?: Record<string, unknown>;
};

export interface OdooClient {
  /** execute_kw(model, method, args, kwargs); the user's context is added by the client. */
  call<T = unknown>(model: string, method: string, args: unknown[], kwargs?: Record<string, unknown>, meta?: CallMeta): Promise<T>;
  searchRead(model: string, domain: OdooDomain, options: SearchReadOptions, meta?: CallMeta): Promise<OdooRecord[]>;
  read(model: string, ids: number[], fields: string[], meta?: CallMeta): Promise<OdooRecord[]>;
  create(model: string, values: Record<string, unknown>, meta?: CallMeta): Promise<number>;
  write(model: string, ids: number[], values: Record<string, unknown>, meta?: CallMeta): Promise<boolean>;
}

/** Why Odoo said no, reduced to what the agent acts on. */
export type OdooErrorKind = "access" | "validation" | "missing" | "unavailable" | "auth";

export class OdooError extends Error {
  constructor(
    readonly kind: OdooErrorKind,
    message: string,
    readonly odooName?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "OdooError";
  }
}

/** Maps an Odoo exception class name (`odoo.exceptions.AccessError`) to what the agent does with it. */
export function kindOfOdooException(name: string | undefined): OdooErrorKind {
  if (!name) return "validation";
  if (/AccessError/.test(name)) return "access";
  if (/AccessDenied|SessionExpired/.test(name)) return "auth";
  if (/MissingError/.test(name)) return "missing";
  return "validation";
}

/** The context every call carries, so Odoo answers in the user's language, zone and companies. */
export type UserContext = { lang?: string; tz?: string; allowed_company_ids?: number[] };

/** The helpers shared by every transport: each one only implements `call`. */
export function withHelpers(call: OdooClient["call"]): OdooClient {
  return {
    call,
    searchRead: (model, domain, { fields, limit, offset, order, context }, meta) =>
      call<OdooRecord[]>(model, "search_read", [domain], compact({ fields, limit, offset, order, context }), meta),
    read: (model, ids, fields, meta) => call<OdooRecord[]>(model, "read", [ids], { fields }, meta),
    create: (model, values, meta) => call<number>(model, "create", [values], {}, meta),
    write: (model, ids, values, meta) => call<boolean>(model, "write", [ids, values], {}, meta),
  };
}

/** Odoo takes the first allowed company as the current one: the user's current company goes first. */
export function allowedCompanies(current: number | undefined, all: number[] | undefined): number[] | undefined {
  if (!all?.length) return current ? [current] : undefined;
  return current && all.includes(current) ? [current, ...all.filter((id) => id !== current)] : all;
}

export function mergeContext(kwargs: Record<string, unknown>, context: UserContext): Record<string, unknown> {
  const given = (kwargs.context ?? {}) as Record<string, unknown>;
  return { ...kwargs, context: { ...compact(context), ...given } };
}

function compact<T extends Record<string, unknown>>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
}
