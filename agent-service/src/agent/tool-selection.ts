/**
 * A smaller tool list for a small model (LLM_TOOLS=relevant): the tools a request can need, found
 * by the offline planner's intent reading, and `more_tools`, which offers all the others for the
 * rest of the turn. The tool schemas are most of the first prompt (about 94% with every tool):
 * a local model with a 4k–8k context holds the request, its history and a few tools.
 */
import { plannerClassifier } from "./planner/reader.js";
import type { Lang } from "../i18n.js";

export const MORE_TOOLS = "more_tools";

/** Tools offered whatever the request: finding records is the first step of most requests. */
const ALWAYS = ["search_products", "search_customers"];
/** Offered at most (besides ALWAYS and more_tools), and the share of likelihood they must cover. */
const MAX_PICKED = 4;
const COVER = 0.9;

export type ToolSelection = "all" | "relevant";

/**
 * The tools to offer first for `message`, among those the user may use; `undefined` when every tool
 * should be offered (nothing the reading knows).
 */
export async function relevantTools(message: string, lang: Lang, available: ReadonlySet<string>): Promise<Set<string> | undefined> {
  const reading = await (await plannerClassifier()).classify(message, lang);
  const ranking = (reading.ranking ?? []).filter(({ intent }) => available.has(intent));
  if (!ranking.length) return undefined;
  const picked = new Set(ALWAYS.filter((name) => available.has(name)));
  let covered = 0;
  const total = ranking.reduce((sum, { score }) => sum + score, 0) || 1;
  for (const { intent, score } of ranking) {
    if (picked.size >= MAX_PICKED + ALWAYS.length || covered >= COVER) break;
    picked.add(intent);
    covered += score / total;
  }
  return picked;
}

/** What `more_tools` answers: the other tools, now offered. */
export function moreToolsDescription(lang: Lang): string {
  return lang === "fr"
    ? "Affiche les autres outils disponibles et les rend utilisables pour la suite de ce tour. À appeler quand aucun des outils proposés ne convient à la demande."
    : "Lists the other available tools and makes them usable for the rest of this turn. Call it when none of the offered tools fits the request.";
}
