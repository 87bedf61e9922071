import { t, type Lang, type MessageKey } from "./i18n.js";

/** Every error the API can answer, with its HTTP status and the translated text shown to users. */
const codes = {
  "bad_request:body": { status: 400, key: "error.bad_request" },
  "bad_request:tool_args": { status: 400, key: "error.bad_request" },
  "bad_request:revise": { status: 400, key: "error.revise" },
  "auth:signature": { status: 401, key: "error.signature" },
  "not_found:session": { status: 404, key: "error.not_found_session" },
  "not_found:action": { status: 404, key: "error.not_found_action" },
  "not_found:memory": { status: 404, key: "error.not_found_memory" },
  "not_found:turn": { status: 404, key: "error.not_found_turn" },
  "bad_request:bridge": { status: 400, key: "error.bridge" },
  "conflict:action": { status: 409, key: "error.conflict_action" },
  "conflict:not_revisable": { status: 409, key: "error.not_revisable" },
  "conflict:action_busy": { status: 409, key: "error.action_busy" },
  "conflict:tampered": { status: 409, key: "error.tampered" },
  "conflict:session_busy": { status: 409, key: "error.session_busy" },
  "forbidden:odoo_access": { status: 403, key: "error.access" },
  "forbidden:tool": { status: 403, key: "error.tool_unavailable" },
  "rate_limit:turns": { status: 429, key: "error.rate_limit" },
  "rate_limit:inflight": { status: 429, key: "error.inflight_user" },
  "rate_limit:inflight_company": { status: 429, key: "error.inflight_company" },
  "unavailable:agent_lost": { status: 503, key: "error.agent_lost" },
  "budget:exceeded": { status: 429, key: "error.budget" },
  "bad_request:odoo": { status: 422, key: "error.odoo" },
  "unavailable:odoo": { status: 503, key: "error.unavailable_odoo" },
  "unavailable:llm": { status: 503, key: "error.unavailable_llm" },
  "misconfigured:llm": { status: 503, key: "error.misconfigured_llm" },
  "busy:llm": { status: 503, key: "error.busy_llm" },
  "unavailable:redis": { status: 503, key: "error.unavailable_redis" },
  internal: { status: 500, key: "error.internal" },
} as const satisfies Record<string, { status: number; key: MessageKey }>;

export type ErrorCode = keyof typeof codes;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;
  /** The model's tokens a failed turn had already spent: counted all the same. */
  usage?: { input: number; output: number };

  constructor(code: ErrorCode, params: Record<string, string | number> = {}, options?: { cause?: unknown }) {
    super(`${code}${params.detail ? `: ${params.detail}` : ""}`, options);
    this.name = "AppError";
    this.code = code;
    this.params = params;
  }

  get status(): number {
    return codes[this.code].status;
  }

  userMessage(lang: Lang): string {
    return t(lang, codes[this.code].key, this.params);
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
