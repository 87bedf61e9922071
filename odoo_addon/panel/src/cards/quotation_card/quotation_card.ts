import { Component, xml } from "@odoo/owl";

import type { QuotationPreview } from "../../api/types";
import { formatMoney, formatPercent, formatQuantity, type CurrencyFormat } from "../../format/money";
import { numberFormat } from "../../odoo/compat";
import { _t } from "../../odoo/l10n";
import { ActionFooter } from "../action_footer/action_footer";
import { actionCardProps, statusBadge, type ActionCardProps } from "../action_status";

interface LineRow {
  key: string;
  code: string;
  name: string;
  quantity: string;
  uom: string;
  priceUnit: string;
  discount: string;
  subtotal: string;
}

/**
 * The quotation a `create_quotation` action will write (copilot.QuotationCard), with the
 * prices and taxes Odoo computed: customer, lines, untaxed amount, taxes, total.
 */
export class QuotationCard extends Component<ActionCardProps> {
  static components = { ActionFooter };
  static template = xml`
    <section class="o_copilot_card o_copilot_quotation_card" t-att-class="'o_copilot_card_' + props.action.status"
             t-att-aria-label="props.action.summary">
      <header class="o_copilot_card_header">
        <i class="fa fa-file-text-o o_copilot_card_icon" aria-hidden="true"/>
        <span class="o_copilot_card_title" t-esc="props.action.summary or labels.quotation"/>
        <span class="badge rounded-pill o_copilot_status" t-att-class="badge.className" t-esc="badge.label"/>
      </header>
      <div class="o_copilot_card_body">
        <div class="o_copilot_quotation_customer">
          <span class="text-muted" t-esc="labels.customer"/>
          <strong t-esc="preview.customer.name"/>
        </div>
        <div class="o_copilot_table_scroll">
          <table class="table table-sm o_copilot_quotation_lines">
            <thead>
              <tr>
                <th scope="col" t-esc="labels.product"/>
                <th scope="col" class="text-end" t-esc="labels.quantity"/>
                <th scope="col" class="text-end" t-esc="labels.priceUnit"/>
                <th t-if="hasDiscount" scope="col" class="text-end" t-esc="labels.discount"/>
                <th scope="col" class="text-end" t-esc="labels.subtotal"/>
              </tr>
            </thead>
            <tbody>
              <tr t-foreach="lines" t-as="line" t-key="line.key">
                <td class="o_copilot_quotation_product">
                  <span t-if="line.code" class="text-muted">[<t t-esc="line.code"/>] </span>
                  <t t-esc="line.name"/>
                </td>
                <td class="text-end text-nowrap">
                  <t t-esc="line.quantity"/>
                  <small t-if="line.uom" class="text-muted"> <t t-esc="line.uom"/></small>
                </td>
                <td class="text-end text-nowrap" t-esc="line.priceUnit"/>
                <td t-if="hasDiscount" class="text-end text-nowrap" t-esc="line.discount"/>
                <td class="text-end text-nowrap" t-esc="line.subtotal"/>
              </tr>
            </tbody>
          </table>
        </div>
        <table class="o_copilot_quotation_totals">
          <tbody>
            <tr>
              <th scope="row" t-esc="labels.untaxed"/>
              <td class="text-end text-nowrap" t-esc="money(preview.amount_untaxed)"/>
            </tr>
            <tr>
              <th scope="row" t-esc="labels.taxes"/>
              <td class="text-end text-nowrap" t-esc="money(preview.amount_tax)"/>
            </tr>
            <tr class="o_copilot_quotation_total">
              <th scope="row" t-esc="labels.total"/>
              <td class="text-end text-nowrap" t-esc="money(preview.amount_total)"/>
            </tr>
          </tbody>
        </table>
      </div>
      <ActionFooter action="props.action" request="props.request" error="props.error"
                    onConfirm="props.onConfirm" onReject="props.onReject"
                    undo="props.undo" onUndo="props.onUndo" doneText="labels.created"/>
    </section>`;
  static props = actionCardProps;

  get preview(): QuotationPreview {
    return this.props.action.preview as QuotationPreview;
  }

  get badge() {
    return statusBadge(this.props.action.status);
  }

  get labels(): Record<string, string> {
    return {
      quotation: _t("Quotation"),
      customer: _t("Customer"),
      product: _t("Product"),
      quantity: _t("Quantity"),
      priceUnit: _t("Unit Price"),
      discount: _t("Disc.%"),
      subtotal: _t("Subtotal"),
      untaxed: _t("Untaxed Amount"),
      taxes: _t("Taxes"),
      total: _t("Total"),
      created: _t("Quotation %s created"),
    };
  }

  get currency(): CurrencyFormat {
    const { symbol, position } = this.preview.currency;
    return { symbol, position };
  }

  money(amount: number): string {
    return formatMoney(amount, this.currency, numberFormat());
  }

  get hasDiscount(): boolean {
    return this.preview.lines.some((line) => line.discount);
  }

  get lines(): LineRow[] {
    const format = numberFormat();
    return this.preview.lines.map((line, index) => ({
      key: `${index}_${line.product.id}`,
      // A display_name already reads "[FURN_7777] Office Chair": do not show the code twice.
      code: line.product.code && !line.product.name.startsWith(`[${line.product.code}]`) ? line.product.code : "",
      name: line.product.name,
      quantity: formatQuantity(line.quantity, format),
      uom: line.uom ?? "",
      priceUnit: formatMoney(line.price_unit, this.currency, format),
      discount: line.discount ? formatPercent(line.discount, format) : "",
      subtotal: formatMoney(line.subtotal, this.currency, format),
    }));
  }
}
