/**
 * What a read tool answered (`{tool, data}`, docs/contract.md "cards"), turned into what a card
 * draws. The agent sends a card for each tool its declaration marks `presentation: { card: true }`
 * (agent-service/src/tools), under the tool's name: the key below. A read tool with a card is one
 * module of tools/ and one line here; an unknown tool, or data that is not an object, gives no card.
 */

import type { Card } from "../../api/types";
import { cardFormat, isObject, type CardFormat, type Data, type ViewOptions } from "./card_fields";
import type { ReadCardView } from "./read_card_views";
import { factsView } from "./facts";
import { customersTable } from "./tools/customers";
import { documentsList, projectSources } from "./tools/documents";
import { installationsTable, ticketsTable } from "./tools/mapped_records";
import { kitTable, productsTable, stockView } from "./tools/products";
import { projectsTable, projectView } from "./tools/projects";
import { quotationLinesTable, quotationsTable } from "./tools/quotations";
import { taskChecklist, tasksTable } from "./tools/tasks";

/** The view of one tool's answer; undefined when its data does not fit. */
export type CardBuilder = (data: Data, format: CardFormat) => ReadCardView | undefined;

/** Tool name → the view of its answer. */
const READ_CARDS: ReadonlyMap<string, CardBuilder> = new Map<string, CardBuilder>([
  ["search_customers", customersTable],
  ["search_products", productsTable],
  ["get_stock", stockView],
  ["show_kit", kitTable],
  ["list_quotations", quotationsTable],
  ["get_quotation", quotationLinesTable],
  ["list_projects", projectsTable],
  ["project_summary", projectView],
  ["list_tasks", tasksTable],
  ["get_task", taskChecklist],
  ["list_documents", documentsList],
  ["ask_project", projectSources],
  ["list_tickets", ticketsTable],
  ["list_installations", installationsTable],
]);

/** The view of a card; undefined for a tool the panel does not draw or data that does not fit. */
export function readCardView(card: Card, options: ViewOptions = {}): ReadCardView | undefined {
  if (!isObject(card) || !isObject(card.data)) {
    return undefined;
  }
  // a tool that draws the generic card (presentation.card "facts") needs no entry here
  return READ_CARDS.get(card.tool)?.(card.data, cardFormat(options)) ?? factsView(card.data);
}
