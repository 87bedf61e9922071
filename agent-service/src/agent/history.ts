import type { StoredMessage } from "../memory/conversation-store.js";

/** What the model is given of a conversation's past: recent turns in full, older ones as a digest. */
export type PromptHistory = { digest: string | undefined; recent: StoredMessage[] };

export const HISTORY_CHAR_BUDGET = 12_000;
const DIGEST_CHAR_BUDGET = 1_500;
const MESSAGE_CHAR_CAP = 4_000;

/**
 * Keeps the prompt bounded however long the conversation: the newest messages that fit in the
 * budget (each capped), and a short digest of what the user asked before them. Deterministic, so
 * it costs no model call and the same history always gives the same prompt.
 */
export function buildPromptHistory(messages: StoredMessage[], budget = HISTORY_CHAR_BUDGET): PromptHistory {
  const recent: StoredMessage[] = [];
  let used = 0;
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const message = messages[index]!;
    const content = cap(message.content, MESSAGE_CHAR_CAP);
    if (used + content.length > budget) break;
    used += content.length;
    recent.unshift(content === message.content ? message : { ...message, content });
  }
  // A model expects the conversation to start with the user.
  while (recent[0]?.role === "assistant") recent.shift();
  const older = messages.slice(0, messages.length - recent.length);
  return { digest: digestOf(older), recent };
}

function digestOf(older: StoredMessage[]): string | undefined {
  const asked = older.filter((message) => message.role === "user").map((message) => oneLine(message.content, 120));
  if (!asked.length) return undefined;
  const lines: string[] = [];
  let used = 0;
  // The most recent requests matter most: fill the budget from the end, then restore order.
  for (let index = asked.length - 1; index >= 0; index -= 1) {
    const line = `- ${asked[index]}`;
    if (used + line.length > DIGEST_CHAR_BUDGET) break;
    used += line.length;
    lines.unshift(line);
  }
  const skipped = asked.length - lines.length;
  return [`Earlier in this conversation the user asked (${asked.length} requests${skipped ? `, the ${skipped} oldest omitted` : ""}):`, ...lines].join("\n");
}

function cap(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)} […]` : text;
}

function oneLine(text: string, max: number): string {
  return cap(text.replace(/\s+/g, " ").trim(), max);
}
