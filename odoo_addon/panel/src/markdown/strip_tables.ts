/**
 * A reply's text without its markdown tables: when the answer has cards, they show the same
 * rows (with links and stock marks), so only the sentences stay. Tables are found by the
 * renderer's own `isTableStart`; code blocks are left alone.
 */

import { isTableStart } from "./markdown";

const FENCE_RE = /^\s*(```|~~~)/;

export function withoutTables(source: string): string {
  const lines = String(source ?? "").replace(/\r\n?/g, "\n").split("\n");
  const out: string[] = [];
  let fence: string | null = null;
  let removed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const opening = FENCE_RE.exec(line)?.[1];
    if (fence) {
      if (opening === fence) {
        fence = null;
      }
      out.push(line);
      continue;
    }
    if (opening) {
      fence = opening;
      out.push(line);
      continue;
    }
    if (isTableStart(lines, i)) {
      i += 2;
      while (i < lines.length && (lines[i] ?? "").trim() !== "" && (lines[i] ?? "").includes("|")) {
        i++;
      }
      i--; // the loop's i++ moves on to the line after the table
      removed = true;
      continue;
    }
    out.push(line);
  }
  return removed ? out.join("\n").replace(/\n{3,}/g, "\n\n").trim() : String(source ?? "");
}
