import { Component, xml } from "@odoo/owl";

import { _t } from "../../odoo/l10n";
import { CardHeader } from "./card_header";
import type { DocumentsView } from "./read_card_views";
import { useRecordLinks, type RecordLinks } from "./record_link";

/** A project's documents, or the passages an answer quotes with their sources (copilot.DocumentsCard). */
export class DocumentsCard extends Component<{ view: DocumentsView; tool: string }> {
  static components = { CardHeader };
  static template = xml`
    <section class="o_copilot_card o_copilot_read_card o_copilot_documents_card" t-att-class="'o_copilot_read_' + props.tool"
             t-att-aria-label="props.view.title">
      <CardHeader icon="props.view.icon" title="props.view.title"/>
      <div class="o_copilot_card_body">
        <div t-if="!props.view.items.length" class="text-muted o_copilot_read_empty" t-esc="labels.empty"/>
        <ul t-else="" class="list-unstyled mb-0 o_copilot_documents">
          <li t-foreach="props.view.items" t-as="item" t-key="item_index" class="o_copilot_document">
            <blockquote t-if="item.quote" class="o_copilot_citation mb-1">
              <span t-if="item.n" class="badge rounded-pill text-bg-light me-1" t-esc="item.n"/>
              <t t-esc="item.quote"/>
            </blockquote>
            <div class="o_copilot_document_source">
              <i class="fa me-1 text-muted" t-att-class="item.url ? 'fa-file-o' : 'fa-link'" aria-hidden="true"/>
              <a t-if="item.record" class="o_copilot_record_link" t-att-href="links.href(item.record)"
                 t-on-click="(ev) => links.open(item.record, ev)" t-esc="item.name"/>
              <a t-elif="item.url" class="o_copilot_record_link" t-att-href="item.url" target="_blank" rel="noopener" t-esc="item.name"/>
              <t t-else="" t-esc="item.name"/>
            </div>
          </li>
        </ul>
        <div t-if="props.view.more" class="o_copilot_read_more text-muted" t-esc="labels.more"/>
      </div>
    </section>`;
  static props = { view: Object, tool: String };

  declare links: RecordLinks;

  setup(): void {
    this.links = useRecordLinks();
  }

  get labels(): Record<string, string> {
    return { empty: _t("Nothing found."), more: _t("Only the first results are shown.") };
  }
}
