/**
 * The generic card: a title, the record it opens, and label/value lines. A tool declared with
 * `presentation: { card: "facts" }` (agent-service/src/tools) answers `data.card` in this shape,
 * its labels already in the user's language, so a new read tool needs no panel code to show one.
 */

import { isObject, list, ref, str, type Data } from "./card_fields";
import type { FactsView } from "./read_card_views";

const MODEL = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/;
const ICON = /^fa-[a-z0-9-]+$/;

export function factsView(data: Data): FactsView | undefined {
  const card = data.card;
  if (!isObject(card) || card.kind !== "facts") {
    return undefined;
  }
  const title = str(card.title);
  const facts = list(card.facts)
    .map((fact) => ({ label: str(fact.label), value: str(fact.value) }))
    .filter((fact) => fact.label && fact.value);
  if (!title) {
    return undefined;
  }
  const record = isObject(card.record) && MODEL.test(str(card.record.model)) ? ref(str(card.record.model), card.record.id, title) : undefined;
  const icon = ICON.test(str(card.icon)) ? str(card.icon) : "fa-info-circle";
  return { kind: "facts", icon, title, ...(record ? { record } : {}), facts };
}
