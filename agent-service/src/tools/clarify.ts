import { t, type Lang } from "../i18n.js";
import type { Resolution } from "../odoo/resolve.js";
import type { ToolOutcome } from "./types.js";

export type Kind = "customer" | "product" | "project" | "task" | "quotation" | "user" | "stage" | "warehouse" | "kit" | "ticket" | "installation";

/** The question to ask when some names did not resolve to exactly one record; undefined when all did. */
export function clarifyUnresolved(
  lang: Lang,
  items: { kind: Kind; model: string; resolution: Resolution }[],
): Extract<ToolOutcome, { kind: "clarify" }> | undefined {
  const open = items.filter(({ resolution }) => resolution.status !== "found");
  if (!open.length) return undefined;
  const paragraphs: string[] = [];
  const choices: NonNullable<Extract<ToolOutcome, { kind: "clarify" }>["choices"]> = [];
  for (const { kind, model, resolution } of open) {
    if (resolution.status === "none") {
      paragraphs.push(t(lang, "resolve.none", { kind: t(lang, `kind.${kind}`), query: resolution.query }));
    } else if (resolution.status === "ambiguous") {
      const single = resolution.choices.length === 1;
      paragraphs.push(
        [
          single
            ? t(lang, "resolve.did_you_mean", { kind: t(lang, `kind.${kind}`), query: resolution.query })
            : t(lang, "resolve.many", { kinds: t(lang, `kind.${kind}s`), query: resolution.query }),
          ...resolution.choices.map((choice) => `- ${choice.name}`),
        ].join("\n"),
      );
      choices.push({
        query: resolution.query,
        model,
        options: resolution.choices.map((choice) => ({ id: choice.id, label: choice.name })),
      });
    }
  }
  return { kind: "clarify", text: paragraphs.join("\n\n"), ...(choices.length ? { choices } : {}) };
}
