import { Component, xml } from "@odoo/owl";

import type { TableView } from "./read_card_views";
import { useRecordLinks, type RecordLinks } from "./record_link";

/**
 * The table every list card draws (copilot.RecordTable): a name column that opens each record,
 * then the view's columns; numbers right-aligned, statuses as badges, progress as a bar.
 */
export class RecordTable extends Component<{ view: TableView }> {
  static template = xml`
    <div class="o_copilot_table_scroll">
      <table class="table table-sm o_copilot_read_table mb-0">
        <thead>
          <tr>
            <th scope="col" t-esc="props.view.nameLabel"/>
            <th t-foreach="props.view.columns" t-as="column" t-key="column_index" scope="col"
                t-att-class="{ 'text-end': column.numeric }" t-esc="column.label"/>
          </tr>
        </thead>
        <tbody>
          <tr t-foreach="props.view.rows" t-as="row" t-key="row_index" class="o_copilot_read_row" t-att-class="row.className">
            <td class="o_copilot_read_name">
              <a t-if="row.record" class="o_copilot_record_link" t-att-href="links.href(row.record)"
                 t-on-click="(ev) => links.open(row.record, ev)" t-esc="row.name"/>
              <a t-elif="row.url" class="o_copilot_record_link" t-att-href="row.url" target="_blank" rel="noopener" t-esc="row.name"/>
              <t t-else="" t-esc="row.name"/>
            </td>
            <td t-foreach="row.cells" t-as="cell" t-key="cell_index"
                t-att-class="(props.view.columns[cell_index] and props.view.columns[cell_index].numeric ? 'text-end ' : '') + (cell.className or '')">
              <span t-if="cell.badge" class="badge rounded-pill" t-att-class="cell.badge" t-esc="cell.text"/>
              <t t-elif="cell.progress !== undefined">
                <span class="o_copilot_progress" aria-hidden="true">
                  <span class="o_copilot_progress_bar bg-success" t-att-style="'width: ' + cell.progress + '%'"/>
                </span>
                <t t-esc="cell.text"/>
              </t>
              <t t-else="" t-esc="cell.text"/>
            </td>
          </tr>
        </tbody>
      </table>
    </div>`;
  static props = { view: Object };

  declare links: RecordLinks;

  setup(): void {
    this.links = useRecordLinks();
  }
}
