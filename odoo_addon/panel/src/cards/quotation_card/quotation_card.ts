import { Component, useEffect, useRef, useState, xml } from "@odoo/owl";

import type { QuotationPreview } from "../../api/types";
import { formatMoney, formatPercent, formatQuantity, type CurrencyFormat } from "../../format/money";
import { numberFormat } from "../../odoo/compat";
import { _t } from "../../odoo/l10n";
import { ActionFooter } from "../action_footer/action_footer";
import { actionCardProps, statusBadge, type ActionCardProps } from "../action_status";

interface LineRow {
  key: string;
  index: number;
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
                <td t-if="state.editing" class="text-end text-nowrap o_copilot_quantity_cell">
                  <input type="number" min="0" step="any" inputmode="decimal"
                         class="form-control form-control-sm o_copilot_quantity_input"
                         t-att-value="state.quantities[line.index]" t-att-aria-label="quantityLabel(line)"
                         t-att-aria-invalid="state.error ? 'true' : 'false'"
                         t-att-disabled="props.request === 'revise' ? 'disabled' : false"
                         t-on-input="(ev) => this.onQuantityInput(line.index, ev)"
                         t-on-keydown="onQuantityKeydown"/>
                  <small t-if="line.uom" class="text-muted"> <t t-esc="line.uom"/></small>
                </td>
                <td t-else="" class="text-end text-nowrap">
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
        <div t-if="canEdit" class="o_copilot_quotation_edit" t-ref="edit">
          <t t-if="state.editing">
            <div t-if="state.error" class="o_copilot_card_error o_copilot_revise_error text-danger" role="alert">
              <i class="fa fa-exclamation-triangle me-1" aria-hidden="true"/>
              <span t-esc="state.error"/>
            </div>
            <div class="o_copilot_card_buttons">
              <button type="button" class="btn btn-primary btn-sm o_copilot_revise_update"
                      t-att-disabled="props.request ? 'disabled' : false" t-on-click="update">
                <i t-if="props.request === 'revise'" class="fa fa-circle-o-notch fa-spin me-1" aria-hidden="true"/>
                <t t-esc="labels.update"/>
              </button>
              <button type="button" class="btn btn-secondary btn-sm o_copilot_revise_cancel"
                      t-att-disabled="props.request === 'revise' ? 'disabled' : false" t-on-click="() => this.stopEditing()"
                      t-esc="labels.cancelEditing"/>
            </div>
          </t>
          <button t-else="" type="button" class="btn btn-link btn-sm px-0 o_copilot_revise_start"
                  t-att-disabled="props.request ? 'disabled' : false" t-on-click="startEditing">
            <i class="fa fa-pencil me-1" aria-hidden="true"/>
            <t t-esc="labels.editQuantities"/>
          </button>
        </div>
      </div>
      <ActionFooter action="props.action" request="props.request" error="props.error"
                    onConfirm="props.onConfirm" onReject="props.onReject"
                    undo="props.undo" onUndo="props.onUndo" live="props.live" doneText="labels.created"
                    locked="state.editing"/>
    </section>`;
  static props = actionCardProps;

  declare state: { editing: boolean; quantities: string[]; error: string };
  declare editRef: { el: HTMLElement | null };
  /** Where the focus goes after the next render: the first quantity, or back to the button. */
  declare focusNext: "" | "input" | "button";

  setup(): void {
    this.state = useState({ editing: false, quantities: [], error: "" });
    this.editRef = useRef("edit");
    this.focusNext = "";
    useEffect(
      () => {
        const target = this.focusNext;
        this.focusNext = "";
        const card = this.editRef.el?.closest("section");
        if (target === "input") {
          const input = card?.querySelector<HTMLInputElement>(".o_copilot_quantity_input");
          input?.focus();
          input?.select();
        } else if (target === "button") {
          card?.querySelector<HTMLElement>(".o_copilot_revise_start")?.focus();
        }
      },
      () => [this.state.editing],
    );
  }

  /** "Edit quantities" while the quotation waits for Confirm, if the panel can send them. */
  get canEdit(): boolean {
    return this.props.action.status === "proposed" && Boolean(this.props.onRevise) && this.preview.lines.length > 0;
  }

  startEditing(): void {
    this.state.quantities = this.preview.lines.map((line) => String(line.quantity));
    this.state.error = "";
    this.focusNext = "input";
    this.state.editing = true;
  }

  stopEditing(): void {
    this.state.error = "";
    this.focusNext = "button";
    this.state.editing = false;
  }

  onQuantityInput(index: number, ev: Event): void {
    this.state.quantities[index] = (ev.target as HTMLInputElement).value;
  }

  onQuantityKeydown(ev: KeyboardEvent): void {
    if (ev.key === "Enter") {
      ev.preventDefault();
      void this.update();
    } else if (ev.key === "Escape") {
      ev.preventDefault();
      ev.stopPropagation(); // cancels the editing only, not the panel
      if (this.props.request !== "revise") {
        this.stopEditing();
      }
    }
  }

  /** Sends the quantities; the card then shows the quotation Odoo priced again. */
  async update(): Promise<void> {
    if (this.props.request || !this.props.onRevise) {
      return;
    }
    const quantities = this.state.quantities.map((value) => (value.trim() === "" ? NaN : Number(value)));
    if (quantities.some((quantity) => !Number.isFinite(quantity) || quantity < 0)) {
      this.state.error = _t("Enter a quantity of 0 or more for each line.");
      return;
    }
    this.state.error = "";
    const { revised, error } = await this.props.onRevise(this.props.action.id, quantities);
    if (revised) {
      this.stopEditing();
    } else if (error) {
      this.state.error = error;
    }
  }

  quantityLabel(line: LineRow): string {
    return _t("Quantity of %s", line.name);
  }

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
      editQuantities: _t("Edit quantities"),
      update: _t("Update"),
      cancelEditing: _t("Cancel editing"),
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
      index,
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
