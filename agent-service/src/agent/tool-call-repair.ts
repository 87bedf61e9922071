/**
 * Tool calls as small and local models really write them, made into calls — or left alone.
 *
 * - Arguments: a JSON object instead of text, fenced in ```json, followed by a stop token
 *   (`<|eot_id|>`), in single quotes (JSON5), or encoded twice. Arguments cut short stay unreadable:
 *   a cut call never runs (./create-agent.ts).
 * - Calls written as the whole text of the answer: bare JSON (`{"name": …, "arguments": …}`, a
 *   list of them, OpenAI's `{"function": …}` shape), Hermes/Qwen `<tool_call>…</tool_call>`,
 *   Llama's `<|python_tag|>` and `<function=name>…</function>`, Mistral's `[TOOL_CALLS]`, in a fence
 *   or not. Only when the message is nothing but calls, each naming a tool offered to the model: a
 *   model quoting a record's text inside a sentence triggers nothing, and a write is still only
 *   proposed (the tool invoker decides that, whatever way the call came).
 * - Argument values a schema says are numbers, sent as text ("3", "2,5", "three").
 */
import JSON5 from "json5";
import { findNumbers } from "./planner/numbers.js";
import type { JsonSchema } from "../tools/index.js";

/** End-of-turn tokens local servers leave in the text when their template does not strip them. */
const STOP_TOKENS = /(?:\s*(?:<\|(?:eot_id|eom_id|im_end|end|endoftext|end_of_text|return|call)\|>|<\/s>|<end_of_turn>|<｜end▁of▁sentence｜>))+\s*$/;

function stripWrapping(text: string): string {
  let out = text.trim().replace(STOP_TOKENS, "").trim();
  const fence = /^```[\w-]*\s*\n?([\s\S]*?)\n?\s*```$/.exec(out);
  if (fence) out = fence[1]!.trim();
  return out;
}

/** A JSON value read leniently (JSON, then JSON5), or `undefined`. */
function readJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return JSON5.parse(text);
    } catch {
      return undefined;
    }
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return Boolean(value) && typeof value === "object" && !Array.isArray(value);
}

/**
 * A tool call's arguments as an object, however the model wrote them; `undefined` when they cannot
 * be read whole (cut, or not an object).
 */
export function parseArguments(raw: unknown): Record<string, unknown> | undefined {
  if (isPlainObject(raw)) return raw;
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== "string") return undefined;
  const text = stripWrapping(raw);
  if (!text) return {};
  let value = readJson(text);
  if (typeof value === "string") value = readJson(stripWrapping(value));
  return isPlainObject(value) ? value : undefined;
}

export type TextToolCall = { name: string; args: Record<string, unknown> };

/** One call object in any of the shapes models write: `{name, arguments|parameters|args|input}`, `{function: {…}}`. */
function callOf(value: unknown): TextToolCall | undefined {
  if (!isPlainObject(value)) return undefined;
  if (isPlainObject(value.function)) return callOf(value.function);
  const name = value.name ?? value.tool ?? value.tool_name;
  if (typeof name !== "string" || !name.trim()) return undefined;
  const raw = value.arguments ?? value.parameters ?? value.args ?? value.input ?? value.tool_input ?? {};
  const args = parseArguments(raw);
  if (!args) return undefined;
  const known = new Set(["name", "tool", "tool_name", "arguments", "parameters", "args", "input", "tool_input", "type", "id"]);
  if (Object.keys(value).some((key) => !known.has(key))) return undefined;
  return { name: name.trim(), args };
}

/** Calls in a JSON value: one call, a list of calls, or `{tool_calls: [...]}`. */
function callsOf(value: unknown): TextToolCall[] | undefined {
  if (isPlainObject(value) && Array.isArray(value.tool_calls) && Object.keys(value).length === 1) return callsOf(value.tool_calls);
  const list = Array.isArray(value) ? value : [value];
  if (!list.length) return undefined;
  const calls = list.map(callOf);
  return calls.every((call): call is TextToolCall => call !== undefined) ? calls : undefined;
}

/**
 * The tool calls a message's whole text is, in the formats local models use; `undefined` when the
 * text is anything else, or names a tool that was not offered.
 */
export function toolCallsInText(content: string, offered: ReadonlySet<string>): TextToolCall[] | undefined {
  let text = stripWrapping(content);
  if (!text) return undefined;
  let calls: TextToolCall[] | undefined;
  if (/^<tool_call>/i.test(text)) {
    const blocks = text.split(/<tool_call>/i).slice(1);
    const parts: TextToolCall[] = [];
    for (const [index, block] of blocks.entries()) {
      const closed = /^([\s\S]*?)<\/tool_call>\s*$/i.exec(block);
      // only the last block may lack its closing tag (the server stopped on it)
      const inner = closed ? closed[1]! : index === blocks.length - 1 && !/<\/tool_call>/i.test(block) ? block : undefined;
      const found = inner === undefined ? undefined : callsOf(readJson(stripWrapping(inner)));
      if (!found) return undefined;
      parts.push(...found);
    }
    calls = parts;
  } else if (/^<function=/i.test(text)) {
    const parts: TextToolCall[] = [];
    const pattern = /<function=([\w.-]+)>([\s\S]*?)<\/function>\s*/giy;
    let match: RegExpExecArray | null;
    let end = 0;
    while ((match = pattern.exec(text))) {
      const args = parseArguments(match[2]!);
      if (!args) return undefined;
      parts.push({ name: match[1]!, args });
      end = pattern.lastIndex;
    }
    if (end !== text.length) return undefined;
    calls = parts;
  } else if (/^\[TOOL_CALLS\]/.test(text)) {
    text = text.slice("[TOOL_CALLS]".length).trim();
    const named = /^([\w.-]+)\[ARGS\]([\s\S]*)$/.exec(text);
    if (named) {
      const args = parseArguments(named[2]!);
      calls = args ? [{ name: named[1]!, args }] : undefined;
    } else calls = callsOf(readJson(text));
  } else if (/^<\|python_tag\|>/.test(text)) {
    calls = callsOf(readJson(stripWrapping(text.slice("<|python_tag|>".length))));
  } else if (/^[[{]/.test(text)) {
    calls = callsOf(readJson(text));
  }
  if (!calls?.length || !calls.every((call) => offered.has(call.name))) return undefined;
  return calls;
}

/**
 * Whether the text seen so far of a model's message may still turn out to be a tool call written as
 * text: such a message is held back from the user until it ends.
 */
export function mayBeTextToolCall(seen: string): boolean {
  const text = seen.replace(/^\s+/, "");
  if (!text) return true;
  const starts = ["{", "[{", "[TOOL_CALLS]", "```", "<tool_call>", "<function=", "<|python_tag|>"];
  return starts.some((start) => text.startsWith(start) || start.startsWith(text));
}


function typesOf(schema: JsonSchema): string[] {
  const own = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  return [...own, ...[...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].flatMap(typesOf)];
}

/** A number written as text: digits ("3", "2,5", "1 000") or words ("three", "vingt et un"). */
function numberIn(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^[+-]?\d+(?:[.,]\d+)?$/.test(trimmed)) return Number(trimmed.replace(",", "."));
  if (/^[+-]?\d{1,3}(?:[  ]\d{3})+$/.test(trimmed)) return Number(trimmed.replace(/[  ]/g, ""));
  const found = findNumbers(trimmed);
  if (found.length === 1 && found[0]!.kind === "number" && found[0]!.start === 0 && found[0]!.end >= trimmed.length) return found[0]!.value;
  return undefined;
}

/**
 * `value` with the numbers and booleans its schema asks for, where the model sent them as text,
 * and nested objects or lists sent as JSON text read; anything else is left for validation to judge.
 */
export function coerceToSchema(value: unknown, schema: JsonSchema | undefined): unknown {
  if (!schema) return value;
  const types = typesOf(schema);
  if (typeof value === "string") {
    if ((types.includes("number") || types.includes("integer")) && !types.includes("string")) {
      const number = numberIn(value);
      if (number !== undefined) return number;
    }
    if (types.includes("boolean") && !types.includes("string") && /^(?:true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === "true";
    if ((types.includes("object") || types.includes("array")) && !types.includes("string") && /^\s*[[{]/.test(value)) {
      const parsed = readJson(stripWrapping(value));
      if (parsed !== undefined) return coerceToSchema(parsed, schema);
    }
    return value;
  }
  const branches = [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  if (Array.isArray(value)) {
    const items = branches.find((branch) => branch.items)?.items;
    return items ? value.map((item) => coerceToSchema(item, items)) : value;
  }
  if (isPlainObject(value)) {
    const properties = branches.find((branch) => branch.properties)?.properties;
    if (!properties) return value;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, coerceToSchema(item, properties[key])]));
  }
  return value;
}
