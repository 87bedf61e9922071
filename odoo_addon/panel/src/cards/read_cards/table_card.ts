import { Component, xml } from "@odoo/owl";

import { _t } from "../../odoo/l10n";
import { CardHeader } from "./card_header";
import type { TableView } from "./read_card_views";
import { RecordTable } from "./record_table";

/**
 * A list a read tool answered (copilot.TableCard): customers, products, stock, quotations and a
 * quotation's lines, projects, tasks, a kit's components, tickets and installations.
 */
export class TableCard extends Component<{ view: TableView; tool: string }> {
  static components = { CardHeader, RecordTable };
  static template = xml`
    <section class="o_copilot_card o_copilot_read_card o_copilot_table_card" t-att-class="'o_copilot_read_' + props.tool"
             t-att-aria-label="props.view.title">
      <CardHeader icon="props.view.icon" title="props.view.title" record="props.view.record"/>
      <div class="o_copilot_card_body">
        <div t-if="!props.view.rows.length" class="text-muted o_copilot_read_empty" t-esc="labels.empty"/>
        <RecordTable t-else="" view="props.view"/>
        <div t-if="props.view.footer" class="o_copilot_read_footer text-end fw-bold" t-esc="props.view.footer"/>
        <div t-if="props.view.more" class="o_copilot_read_more text-muted" t-esc="labels.more"/>
      </div>
    </section>`;
  static props = { view: Object, tool: String };

  get labels(): Record<string, string> {
    return { empty: _t("Nothing found."), more: _t("Only the first results are shown.") };
  }
}
