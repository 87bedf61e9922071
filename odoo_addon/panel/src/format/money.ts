/**
 * Numbers and amounts as Odoo writes them: the agent's formatter, the same file its replies use
 * (agent-service/src/number-format.ts, bundled into the panel), so a card and the reply beside it
 * show the same amount. The user's decimal point, separator and grouping come from Odoo's
 * `localization` (`numberFormat()` in src/odoo/compat.ts).
 */
export {
  DEFAULT_NUMBER_FORMAT,
  floatRound,
  formatMoney,
  formatNumber,
  formatPercent,
  formatQuantity,
  groupDigits,
  type CurrencyFormat,
  type FormatNumberOptions,
  type NumberFormat,
} from "../../../../agent-service/src/number-format";
