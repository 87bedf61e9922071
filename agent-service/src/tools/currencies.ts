import type { Currency } from "../i18n.js";
import type { CallMeta, OdooClient } from "../odoo/odoo-client.js";
import { m2oId } from "./format.js";

/** Symbols and positions of the currencies some records use: one read, whatever the number of records. */
export async function currenciesOf(odoo: OdooClient, records: Record<string, unknown>[], meta: CallMeta): Promise<Map<number, Currency>> {
  const ids = [...new Set(records.map((record) => m2oId(record.currency_id)).filter((id): id is number => id !== undefined))];
  if (!ids.length) return new Map();
  const rows = await odoo.read("res.currency", ids, ["name", "symbol", "position", "decimal_places"], meta);
  return new Map(
    rows.map((row) => [
      row.id,
      { name: String(row.name), symbol: String(row.symbol), position: row.position === "before" ? "before" : "after", ...(Number.isInteger(row.decimal_places) ? { digits: Number(row.decimal_places) } : {}) },
    ]),
  );
}
