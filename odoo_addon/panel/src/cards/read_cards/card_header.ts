import { Component, xml } from "@odoo/owl";

import type { RecordRef } from "../../api/types";
import { useRecordLinks, type RecordLinks } from "./record_link";

export interface CardHeaderProps {
  icon: string;
  title: string;
  record?: RecordRef;
}

/** A read card's header: its icon and title, the title opening the record when there is one. */
export class CardHeader extends Component<CardHeaderProps> {
  static template = xml`
    <header class="o_copilot_card_header">
      <i t-att-class="'fa ' + props.icon + ' o_copilot_card_icon'" aria-hidden="true"/>
      <a t-if="props.record" class="o_copilot_card_title o_copilot_record_link" t-att-href="links.href(props.record)"
         t-on-click="(ev) => links.open(props.record, ev)" t-esc="props.title"/>
      <span t-else="" class="o_copilot_card_title" t-esc="props.title"/>
      <t t-slot="default"/>
    </header>`;
  static props = { icon: String, title: String, record: { type: Object, optional: true }, slots: { type: Object, optional: true } };

  declare links: RecordLinks;

  setup(): void {
    this.links = useRecordLinks();
  }
}
