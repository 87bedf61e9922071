// The shared types of docs/contract.md, as the addon's JSON routes return them.

export type ActionStatus = "proposed" | "done" | "failed" | "rejected";

export interface RecordRef {
  model: string;
  id: number;
  name: string;
}

export interface QuotationLine {
  product: { id: number; name: string; code?: string };
  quantity: number;
  uom?: string;
  price_unit: number;
  discount: number;
  subtotal: number;
  total: number;
}

export interface Currency {
  name: string;
  symbol: string;
  position: "before" | "after";
}

export interface QuotationPreview {
  kind: "quotation";
  customer: { id: number; name: string };
  lines: QuotationLine[];
  currency: Currency;
  amount_untaxed: number;
  amount_tax: number;
  amount_total: number;
}

export interface Action {
  id: string;
  tool: string;
  args: Record<string, unknown>;
  status: ActionStatus;
  summary: string;
  preview?: QuotationPreview | { kind: string; [key: string]: unknown };
  result?: Record<string, unknown>;
  record?: RecordRef;
  error?: string;
  created_at: string;
  updated_at: string;
}

export interface Message {
  id: string;
  role: "user" | "assistant";
  /** Markdown. */
  content: string;
  created_at: string;
  actions?: Action[];
}

export interface Session {
  id: string;
  title: string;
  created_at: string;
  updated_at: string;
}

export interface ChatParams {
  session_id?: string;
  message: string;
}

export interface ChatResult {
  session_id: string;
  reply: string;
  actions: Action[];
  message_id: string;
}

export function isQuotationPreview(preview: Action["preview"]): preview is QuotationPreview {
  return preview?.kind === "quotation" && Array.isArray((preview as QuotationPreview).lines);
}
