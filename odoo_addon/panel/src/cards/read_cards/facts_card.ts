import { Component, xml } from "@odoo/owl";

import { CardHeader } from "./card_header";
import type { FactsView } from "./read_card_views";

/** The generic card (copilot.FactsCard): a record's title and its label/value lines, as text. */
export class FactsCard extends Component<{ view: FactsView }> {
  static components = { CardHeader };
  static template = xml`
    <section class="o_copilot_card o_copilot_read_card o_copilot_facts_card" t-att-aria-label="props.view.title">
      <CardHeader icon="props.view.icon" title="props.view.title" record="props.view.record"/>
      <dl t-if="props.view.facts.length" class="o_copilot_card_body o_copilot_facts mb-0">
        <t t-foreach="props.view.facts" t-as="fact" t-key="fact_index">
          <dt class="text-muted" t-esc="fact.label"/>
          <dd class="mb-1" t-esc="fact.value"/>
        </t>
      </dl>
    </section>`;
  static props = { view: Object };
}
