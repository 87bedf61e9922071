/**
 * The composer's slash commands: which exist, how the typed text is read, how the menu filters
 * them. The agent runs a sent slash command without a model call (its planner reads the English
 * and French names, accents optional); `/new` never leaves the panel.
 */

import { DECLARED_COMMANDS } from "../generated/tool_catalog";
import { _t } from "../odoo/l10n";
import { normalizeText } from "../store/session_groups";

export interface SlashArgument {
  /** Searched with Odoo's `name_search` to complete the argument. */
  model: string;
  /** Written after a picked name: `/quote Deco Addict: ` waits for the lines. */
  suffix: string;
}

export interface SlashCommand {
  /** The English name, also the key of the command. */
  name: string;
  /** The French name (the agent knows both). */
  frName: string;
  argument?: SlashArgument;
  /** What it does and what to type after it, in each language (declared with its tool, in the agent). */
  label?: { en: string; fr: string };
  usage?: { en: string; fr: string };
  /** Run by the panel itself, never sent. */
  local?: boolean;
}

/** The tools' commands (generated from their declarations), then the panel's own. */
export const SLASH_COMMANDS: readonly SlashCommand[] = [
  ...DECLARED_COMMANDS,
  { name: "new", frName: "nouveau", local: true },
  { name: "help", frName: "aide" },
];

/** What the command does, in the user's language. */
export function slashLabel(command: SlashCommand, lang: string): string {
  if (command.label) {
    return isFrench(lang) ? command.label.fr : command.label.en;
  }
  switch (command.name) {
    case "new":
      return _t("Start a new conversation");
    case "help":
      return _t("What Copilot can do");
    default:
      return command.name;
  }
}

/** What to type after the command, or "". */
export function slashUsage(command: SlashCommand, lang: string): string {
  return command.usage ? (isFrench(lang) ? command.usage.fr : command.usage.en) : "";
}

function isFrench(lang: string): boolean {
  return /^fr\b/i.test(lang);
}

/** The name shown and written for the user's language: `/devis` in French, `/quote` otherwise. */
export function displayName(command: SlashCommand, lang: string): string {
  return isFrench(lang) ? command.frName : command.name;
}

/** The other name, shown smaller beside the first ("" when the same). */
export function otherName(command: SlashCommand, lang: string): string {
  const other = isFrench(lang) ? command.name : command.frName;
  return other === displayName(command, lang) ? "" : other;
}

const key = (name: string) => normalizeText(name).replace(/[\s-]+/g, "_");

/** The command typed as `word` (either name, accents and case ignored). */
export function findCommand(word: string): SlashCommand | undefined {
  const typed = key(word);
  return SLASH_COMMANDS.find((command) => key(command.name) === typed || key(command.frName) === typed);
}

/**
 * The commands matching what follows the slash: names starting with it first, then names
 * containing it, then those whose description does (from three letters on); in the list's
 * order within each rank.
 */
export function filterCommands(query: string, lang: string): SlashCommand[] {
  const typed = key(query);
  if (!typed) {
    return [...SLASH_COMMANDS];
  }
  const rank = (command: SlashCommand): number => {
    const names = [key(displayName(command, lang)), key(otherName(command, lang) || command.name)];
    if (names.some((name) => name.startsWith(typed))) {
      return 0;
    }
    if (names.some((name) => name.includes(typed))) {
      return 1;
    }
    // A word of the description, from three letters on ("pdf", "conv…"): one letter matches too much.
    return typed.length >= 3 && normalizeText(slashLabel(command, lang)).includes(normalizeText(query)) ? 2 : 3;
  };
  return SLASH_COMMANDS.map((command, index) => ({ command, index, rank: rank(command) }))
    .filter(({ rank }) => rank < 3)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ command }) => command);
}

/** How the composer's text reads: a command being typed, or the argument of one. */
export type SlashInput =
  | { kind: "command"; query: string }
  | { kind: "argument"; command: SlashCommand; typed: string; argument: string };

/**
 * `/dev` → the command being typed; `/devis Deco` → the argument of `/devis`, while it can
 * still be completed (not once the separator after it is typed: `/devis Deco Addict: 3 …`).
 */
export function parseSlashInput(text: string): SlashInput | null {
  const command = /^\/([^\s/]*)$/u.exec(text);
  if (command) {
    return { kind: "command", query: command[1]! };
  }
  const withArgument = /^\/([^\s/]+)\s+([\s\S]*)$/u.exec(text);
  if (!withArgument) {
    return null;
  }
  const found = findCommand(withArgument[1]!);
  const argument = withArgument[2]!;
  if (!found?.argument || /[:\n]/.test(argument) || (found.argument.suffix && /\s(?:avec|with)\s/i.test(argument))) {
    return null;
  }
  return { kind: "argument", command: found, typed: withArgument[1]!, argument };
}

/** The text after picking `name` as the argument: `/devis Deco Addict: `. */
export function withArgument(input: { command: SlashCommand; typed: string }, name: string): string {
  return `/${input.typed} ${name}${input.command.argument?.suffix ?? ""}`;
}

/** The text sent for a command without argument, in the user's language: `/aide`. */
export function commandText(command: SlashCommand, lang: string): string {
  return `/${displayName(command, lang)}`;
}
