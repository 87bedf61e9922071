import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const MARKER = "# --- panel strings (odoo-javascript) ---";

/**
 * The panel's French entries are written below MARKER in the addon's fr.po; the addon's own
 * entries stay above it (a msgid may appear only once in the file).
 */
function frenchPo(): { path: string; whole: string; panel: string } {
  const path = join(root, "..", "copilot", "i18n", "fr.po");
  const whole = existsSync(path) ? readFileSync(path, "utf8") : "";
  const at = whole.indexOf(MARKER);
  return { path, whole, panel: at === -1 ? "" : whole.slice(at + MARKER.length) };
}

function unquote(chunks: string): string {
  return [...chunks.matchAll(/"((?:[^"\\]|\\.)*)"/g)]
    .map((m) => (m[1] ?? "").replace(/\\(["\\n])/g, (_all, c: string) => (c === "n" ? "\n" : c)))
    .join("");
}

function parsePo(text: string): Map<string, { msgstr: string; comments: string[] }> {
  const entries = new Map<string, { msgstr: string; comments: string[] }>();
  for (const block of text.split(/\n\s*\n/)) {
    const comments = block.split("\n").filter((line) => line.startsWith("#"));
    const id = /^msgid ((?:".*"\n?)+)/m.exec(block);
    const str = /^msgstr ((?:".*"\n?)+)/m.exec(block);
    if (id && str) {
      entries.set(unquote(id[1] ?? ""), { msgstr: unquote(str[1] ?? ""), comments });
    }
  }
  return entries;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") && !path.endsWith(".d.ts") ? [path] : [];
  });
}

function translatableTerms(): Set<string> {
  const terms = new Set<string>();
  for (const file of sourceFiles(join(root, "src"))) {
    const code = readFileSync(file, "utf8").replace(/^\s*(\/\/|\*|\/\*\*).*$/gm, "");
    for (const match of code.matchAll(/\b_t\(\s*"((?:[^"\\]|\\.)*)"/g)) {
      terms.add(JSON.parse(`"${match[1]}"`) as string);
    }
  }
  return terms;
}

describe("French translation of the panel", () => {
  it("has every _t() term, marked for the web client", () => {
    const { path, whole, panel } = frenchPo();
    expect(panel, `${path} must hold the line ${MARKER}`).not.toBe("");
    const entries = parsePo(panel);
    const addonEntries = parsePo(whole.slice(0, whole.length - panel.length));
    const terms = translatableTerms();
    expect(terms.size).toBeGreaterThan(20);
    // A term the addon already translates identically needs no second entry: the web client
    // falls back to the English text, which is then the same.
    const sameInFrench = (term: string) => addonEntries.get(term)?.msgstr === term;
    const missing = [...terms].filter((term) => !entries.get(term)?.msgstr && !sameInFrench(term));
    expect(missing, `missing below the marker in ${path}`).toEqual([]);
    for (const term of terms) {
      const entry = entries.get(term);
      if (!entry) {
        continue;
      }
      expect(entry.comments, term).toContain("#. odoo-javascript");
      expect(entry.comments.some((c) => c.startsWith("#: code:addons/copilot/static/src/")), term).toBe(true);
      expect(entry.msgstr.split("%s").length, `placeholders of ${term}`).toBe(term.split("%s").length);
    }
  });
});
