/**
 * The slash commands of the catalog's declarations (`slash.prompt`), offered to MCP clients as
 * prompts: the same requests as the panel's `/quote`, `/stock`…, written for an outside agent that
 * will use the tools.
 */
import { say, type Lang } from "../i18n.js";
import { catalog } from "../tools/index.js";
import type { SlashCommand } from "../tools/types.js";

export type McpPrompt = { name: string; title: Record<Lang, string>; arguments: NonNullable<SlashCommand["prompt"]>["arguments"]; text: Record<Lang, string> };

export const MCP_PROMPTS: readonly McpPrompt[] = catalog.flatMap((tool) =>
  tool.slash?.prompt ? [{ name: tool.slash.name, title: tool.slash.label, arguments: tool.slash.prompt.arguments, text: tool.slash.prompt.text }] : [],
);

/** A prompt's text with its arguments, or `undefined` for an unknown prompt. */
export function promptText(name: string, args: Record<string, string>, lang: Lang): string | undefined {
  const prompt = MCP_PROMPTS.find((candidate) => candidate.name === name);
  if (!prompt) return undefined;
  return say(lang, prompt.text).replace(/\{(\w+)\}/g, (_, key: string) => String(args[key] ?? "").slice(0, 500));
}
