import { Component, xml } from "@odoo/owl";

import { _t } from "../../odoo/l10n";
import { CardHeader } from "./card_header";
import type { StockView } from "./read_card_views";

/** One product's stock (copilot.StockCard): on hand and forecast; marked when it runs short. */
export class StockCard extends Component<{ view: StockView }> {
  static components = { CardHeader };
  static template = xml`
    <section class="o_copilot_card o_copilot_read_card o_copilot_stock_card" t-att-class="{ 'o_copilot_low_stock': props.view.low }"
             t-att-aria-label="props.view.name">
      <CardHeader icon="'fa-cubes'" title="props.view.name" record="props.view.record">
        <span t-if="props.view.low" class="badge rounded-pill text-bg-danger o_copilot_status" t-esc="labels.low"/>
      </CardHeader>
      <div class="o_copilot_card_body">
        <div class="o_copilot_stock_figures">
          <div class="o_copilot_stock_figure">
            <div class="text-muted" t-esc="labels.onHand"/>
            <div class="o_copilot_stock_value o_copilot_stock_on_hand" t-att-class="{ 'text-danger': props.view.low }">
              <t t-esc="props.view.onHand"/> <small class="text-muted" t-esc="props.view.uom"/>
            </div>
          </div>
          <div class="o_copilot_stock_figure">
            <div class="text-muted" t-esc="labels.forecast"/>
            <div class="o_copilot_stock_value o_copilot_stock_forecast">
              <t t-esc="props.view.forecast"/> <small class="text-muted" t-esc="props.view.uom"/>
            </div>
          </div>
        </div>
      </div>
    </section>`;
  static props = { view: Object };

  get labels(): Record<string, string> {
    return { onHand: _t("On hand"), forecast: _t("Forecast"), low: _t("Low stock") };
  }
}
