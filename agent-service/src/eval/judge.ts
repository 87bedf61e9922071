import type { TurnResult } from "../agent/turn-service.js";
import { normalize } from "../odoo/resolve.js";
import { findTool } from "../tools/index.js";

/** One case of `shared/eval/*.jsonl`. */
export type EvalCase = {
  id: string;
  lang: "fr" | "en";
  utterance: string;
  expect: {
    tool?: string;
    args?: Record<string, unknown>;
    clarify?: boolean;
    no_write?: boolean;
    reply_contains?: string[];
  };
};

/**
 * Other names an argument's raw value stands for: the record the tool's resolver maps it to
 * (`shared/eval/README.md`: a string matches the resolved record's name too). Keyed by argument.
 */
export type Aliases = (argument: string, raw: string) => string[];

/** Why a turn does not meet the case's expectations; empty when it does. */
export function judge(testCase: EvalCase, turn: TurnResult, aliases: Aliases = () => []): string[] {
  const problems: string[] = [];
  const { expect } = testCase;
  const first = turn.steps[0];
  const writes = turn.steps.filter((step) => step.status === "proposed" || (step.status === "done" && findTool(step.tool)?.risk !== "read"));

  if (expect.tool) {
    if (!first) problems.push(`expected ${expect.tool}, no tool ran`);
    else if (first.tool !== expect.tool) problems.push(`expected ${expect.tool}, got ${first.tool}`);
    else {
      for (const [name, wanted] of Object.entries(expect.args ?? {})) {
        const actual = (first.args as Record<string, unknown>)[name];
        if (!argMatches(wanted, actual, aliases, name)) problems.push(`${name}: expected ${JSON.stringify(wanted)}, got ${JSON.stringify(actual)}`);
      }
    }
  }
  if (expect.clarify) {
    if (turn.actions.length || writes.length) problems.push("expected a question back, got a write");
    else if (!turn.steps.some((step) => step.status === "clarify") && !/\?/.test(turn.reply)) problems.push("expected a question back");
  }
  if (expect.no_write && (turn.actions.length || writes.length)) problems.push("expected no write, got one");
  for (const text of expect.reply_contains ?? []) {
    if (!turn.reply.includes(text)) problems.push(`reply lacks ${JSON.stringify(text)}`);
  }
  return problems;
}

/** Strings equal ignoring case, accents and a `[CODE]` prefix; `lines` as a set of {product, quantity}. */
export function argMatches(wanted: unknown, actual: unknown, aliases: Aliases = () => [], key = ""): boolean {
  if (typeof wanted === "string") {
    if (typeof actual !== "string") return false;
    return [actual, ...aliases(key, actual)].some((name) => comparable(name) === comparable(wanted));
  }
  if (typeof wanted === "number" || typeof wanted === "boolean") return actual === wanted;
  if (Array.isArray(wanted)) {
    if (!Array.isArray(actual) || actual.length !== wanted.length) return false;
    const left = [...actual];
    return wanted.every((item) => {
      const index = left.findIndex((candidate) => argMatches(item, candidate, aliases, key));
      if (index < 0) return false;
      left.splice(index, 1);
      return true;
    });
  }
  if (wanted && typeof wanted === "object") {
    if (!actual || typeof actual !== "object") return false;
    return Object.entries(wanted).every(([name, value]) => argMatches(value, (actual as Record<string, unknown>)[name], aliases, name));
  }
  return wanted === actual;
}

function comparable(text: string): string {
  return normalize(text.replace(/^\[[^\]]+\]\s*/, ""));
}
