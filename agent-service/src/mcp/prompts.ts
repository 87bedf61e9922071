/**
 * The panel's slash commands, offered to MCP clients as prompts: the same requests, written for an
 * outside agent that will use the tools (odoo_addon/panel/src/slash/slash_commands.ts).
 */
import { say, type Lang } from "../i18n.js";

type Text = { en: string; fr: string };
export type McpPrompt = { name: string; title: Text; arguments: { name: string; description: Text }[]; text: Text };

export const MCP_PROMPTS: readonly McpPrompt[] = [
  {
    name: "quote",
    title: { en: "Prepare a quotation for a customer", fr: "Préparer un devis pour un client" },
    arguments: [
      { name: "customer", description: { en: "The customer's name", fr: "Le nom du client" } },
      { name: "lines", description: { en: "What to quote, e.g. 3 Office Chair, 2 Office Lamp", fr: "Ce qu'il faut chiffrer, p. ex. 3 Office Chair, 2 Office Lamp" } },
    ],
    text: { en: "Prepare a quotation for {customer} with {lines}.", fr: "Prépare un devis pour {customer} avec {lines}." },
  },
  {
    name: "stock",
    title: { en: "Stock of a product", fr: "Stock d'un produit" },
    arguments: [{ name: "product", description: { en: "The product's name or internal reference", fr: "Le nom ou la référence interne du produit" } }],
    text: { en: "What is the stock of {product}?", fr: "Quel est le stock de {product} ?" },
  },
  {
    name: "summarize_project",
    title: { en: "Summary of a project", fr: "Résumé d'un projet" },
    arguments: [{ name: "project", description: { en: "The project's name", fr: "Le nom du projet" } }],
    text: { en: "Summarize the project {project}.", fr: "Résume le projet {project}." },
  },
  {
    name: "create_task",
    title: { en: "Create a task in a project", fr: "Créer une tâche dans un projet" },
    arguments: [
      { name: "project", description: { en: "The project's name", fr: "Le nom du projet" } },
      { name: "title", description: { en: "The task's title", fr: "Le titre de la tâche" } },
    ],
    text: { en: "Create a task \"{title}\" in the project {project}.", fr: "Crée une tâche « {title} » dans le projet {project}." },
  },
  {
    name: "show_kit",
    title: { en: "Components of a kit", fr: "Composants d'un kit" },
    arguments: [{ name: "kit", description: { en: "The kit's name", fr: "Le nom du kit" } }],
    text: { en: "What is in the kit {kit}?", fr: "Que contient le kit {kit} ?" },
  },
];

/** A prompt's text with its arguments, or `undefined` for an unknown prompt. */
export function promptText(name: string, args: Record<string, string>, lang: Lang): string | undefined {
  const prompt = MCP_PROMPTS.find((candidate) => candidate.name === name);
  if (!prompt) return undefined;
  return say(lang, prompt.text).replace(/\{(\w+)\}/g, (_, key: string) => String(args[key] ?? "").slice(0, 500));
}
