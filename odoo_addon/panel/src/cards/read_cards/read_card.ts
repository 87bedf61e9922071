import { Component, xml } from "@odoo/owl";

import type { Card } from "../../api/types";
import { currentUser, numberFormat, type OdooEnv } from "../../odoo/compat";
import { DocumentsCard } from "./documents_card";
import { FactsCard } from "./facts_card";
import { ProjectCard } from "./project_card";
import { readCardView } from "./read_card_registry";
import type { ReadCardView } from "./read_card_views";
import { StockCard } from "./stock_card";
import { TableCard } from "./table_card";
import { TaskChecklistCard } from "./task_checklist_card";

/** What a read tool answered, drawn by the card of its kind (copilot.ReadCard); nothing for an unknown tool. */
export class ReadCard extends Component<{ card: Card }> {
  static components = { DocumentsCard, FactsCard, ProjectCard, StockCard, TableCard, TaskChecklistCard };
  static template = xml`
    <t t-set="view" t-value="cardView"/>
    <t t-if="view">
      <TableCard t-if="view.kind === 'table'" view="view" tool="props.card.tool"/>
      <StockCard t-elif="view.kind === 'stock'" view="view"/>
      <ProjectCard t-elif="view.kind === 'project'" view="view"/>
      <TaskChecklistCard t-elif="view.kind === 'checklist'" view="view"/>
      <DocumentsCard t-elif="view.kind === 'documents'" view="view" tool="props.card.tool"/>
      <FactsCard t-elif="view.kind === 'facts'" view="view"/>
    </t>`;
  static props = { card: Object };

  get cardView(): ReadCardView | undefined {
    try {
      return readCardView(this.props.card, { lang: currentUser(this.env as OdooEnv).lang, numbers: numberFormat() });
    } catch {
      return undefined; // data of a shape nobody foresaw: no card rather than a broken panel
    }
  }
}
