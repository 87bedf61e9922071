/**
 * A small markdown renderer for the assistant's replies, safe by construction.
 *
 * The whole source is HTML-escaped first, so nothing the model (or a customer name it quotes)
 * writes can become markup; the only tags in the output are the ones built here, and the only
 * attribute values are link targets that passed `safeHref` and code-language names made of
 * word characters. Supported: paragraphs (single newlines kept as line breaks), headings,
 * **bold**, *italic*, ~~strike~~, `code`, fenced code, bullet and numbered lists (nested),
 * block quotes, tables, rules, and links to http(s) or same-site paths. Images become links.
 */

import { safeUrl } from "../odoo/safe_url";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

function unescapeHtml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/**
 * The href to write for a link target, or null when it must not become a link: only absolute
 * http(s) URLs and same-site paths (`/odoo/…`, not `//host` nor `/\host`, which browsers
 * read as another host). Takes and returns escaped text.
 */
export function safeHref(escapedUrl: string): string | null {
  const url = safeUrl(unescapeHtml(escapedUrl));
  return url === null ? null : escapeHtml(url);
}

// ---------------------------------------------------------------------------------------------
// Inline
// ---------------------------------------------------------------------------------------------

/** Tokens that replace finished HTML while the rest of the line is still being processed. */
const HOLE = "\u0000";
const HOLE_RE = /\u0000(\d+)\u0000/g;

class Holes {
  private readonly parts: string[] = [];

  hold(html: string): string {
    this.parts.push(html);
    return `${HOLE}${this.parts.length - 1}${HOLE}`;
  }

  fill(text: string): string {
    let result = text;
    // A held part may itself contain holes (a link label with code in it).
    for (let depth = 0; depth < 5 && result.includes(HOLE); depth++) {
      result = result.replace(HOLE_RE, (_match, index: string) => this.parts[Number(index)] ?? "");
    }
    return result;
  }
}

const CODE_SPAN_RE = /(`+)([\s\S]*?[^`])\1(?!`)/g;
const LINK_RE = /!?\[([^\]\n]*)\]\(\s*([^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+&quot;[^\n]*?&quot;)?\s*\)/g;
// A bare URL stops before whitespace and before an escaped <, >, " or '.
const AUTOLINK_RE = /\bhttps?:\/\/(?:(?!&lt;|&gt;|&quot;|&#39;)[^\s\u0000])+/g;

function renderLink(label: string, href: string | null, holes: Holes): string {
  if (href === null) {
    return label;
  }
  const external = /^https?:/i.test(href);
  const attributes = external ? ' target="_blank" rel="noopener noreferrer"' : "";
  return holes.hold(`<a href="${href}"${attributes}>${label}</a>`);
}

function emphasis(text: string): string {
  return text
    .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|[^\w])__(?=\S)([\s\S]*?\S)__(?!\w)/g, "$1<strong>$2</strong>")
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, "<del>$1</del>")
    .replace(/(^|[^*])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?!\*)/g, "$1<em>$2</em>")
    .replace(/(^|[^\w])_(?=[^\s_])([^_\n]*?[^\s_])_(?!\w)/g, "$1<em>$2</em>");
}

/** Renders one block's worth of already-escaped inline text. */
export function renderInline(escaped: string): string {
  const holes = new Holes();
  let text = escaped.replace(CODE_SPAN_RE, (_match, _ticks: string, code: string) => {
    const trimmed = /^ .* $/.test(code) ? code.slice(1, -1) : code;
    return holes.hold(`<code>${trimmed}</code>`);
  });
  text = text.replace(LINK_RE, (_match, label: string, url: string) => {
    const href = safeHref(url);
    // Another site: its address is what the user clicks, never a label — a record named
    // "[Invoice](https://evil.example)" cannot pass a foreign link off as ours (security review,
    // finding 3). Links to this Odoo keep their label.
    if (href !== null && /^https?:/i.test(href) && label && label !== url) {
      return `${emphasis(label)} (${renderLink(url, href, holes)})`;
    }
    return renderLink(emphasis(label || url), href, holes);
  });
  text = text.replace(AUTOLINK_RE, (match) => {
    // Trailing punctuation belongs to the sentence, not to the URL.
    const url = match.replace(/[.,;:!?)\]]+$/, "");
    return renderLink(url, safeHref(url), holes) + match.slice(url.length);
  });
  return holes.fill(emphasis(text));
}

// ---------------------------------------------------------------------------------------------
// Blocks
// ---------------------------------------------------------------------------------------------

const FENCE_RE = /^ {0,3}(`{3,}|~{3,})\s*([\w+#.-]*)[^`]*$/;
const HEADING_RE = /^ {0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$/;
const RULE_RE = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;
const QUOTE_RE = /^ {0,3}&gt; ?/;
const LIST_RE = /^(\s*)([-*+]|\d{1,9}[.)])(\s+)(.*)$/;
const TABLE_SEPARATOR_RE = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

function isBlank(line: string): boolean {
  return line.trim() === "";
}

function indentOf(line: string): number {
  return (/^\s*/.exec(line)?.[0] ?? "").replace(/\t/g, "    ").length;
}

/** Whether a table (header row, then its `---|---` separator) starts at `lines[index]`. */
export function isTableStart(lines: readonly string[], index: number): boolean {
  const header = lines[index];
  const separator = lines[index + 1];
  return (
    header !== undefined &&
    separator !== undefined &&
    header.includes("|") &&
    separator.includes("-") &&
    (separator.includes("|") || header.trim().startsWith("|")) &&
    TABLE_SEPARATOR_RE.test(separator)
  );
}

function startsBlock(lines: readonly string[], index: number): boolean {
  const line = lines[index] ?? "";
  return (
    FENCE_RE.test(line) ||
    HEADING_RE.test(line) ||
    RULE_RE.test(line) ||
    QUOTE_RE.test(line) ||
    LIST_RE.test(line) ||
    isTableStart(lines, index)
  );
}

function splitRow(line: string): string[] {
  let row = line.trim();
  if (row.startsWith("|")) {
    row = row.slice(1);
  }
  if (row.endsWith("|") && !row.endsWith("\\|")) {
    row = row.slice(0, -1);
  }
  return row.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, "|"));
}

type Align = "" | "text-start" | "text-center" | "text-end";

function renderTable(lines: readonly string[]): string {
  const [headerLine = "", separatorLine = "", ...bodyLines] = lines;
  const header = splitRow(headerLine);
  const aligns: Align[] = splitRow(separatorLine).map((cell) => {
    const left = cell.startsWith(":");
    const right = cell.endsWith(":");
    return left && right ? "text-center" : right ? "text-end" : left ? "text-start" : "";
  });
  const cell = (tag: "th" | "td", content: string, column: number): string => {
    const align = aligns[column];
    const classAttribute = align ? ' class="' + align + '"' : "";
    return `<${tag}${classAttribute}>${renderInline(content)}</${tag}>`;
  };
  const head = header.map((content, column) => cell("th", content, column)).join("");
  const body = bodyLines
    .map((line) => {
      const cells = splitRow(line);
      const row = header.map((_unused, column) => cell("td", cells[column] ?? "", column));
      return `<tr>${row.join("")}</tr>`;
    })
    .join("");
  const tbody = body ? "<tbody>" + body + "</tbody>" : "";
  return (
    `<div class="o_copilot_md_table"><table class="table table-sm table-bordered">` +
    `<thead><tr>${head}</tr></thead>${tbody}</table></div>`
  );
}

interface ListItem {
  lines: string[];
  loose: boolean;
}

function renderList(lines: readonly string[], start: number): { html: string; next: number } {
  const first = LIST_RE.exec(lines[start] ?? "");
  if (!first) {
    return { html: "", next: start + 1 };
  }
  const indent = indentOf(first[1] ?? "");
  const ordered = /\d/.test(first[2] ?? "");
  const items: ListItem[] = [];
  let i = start;
  while (i < lines.length) {
    const match = LIST_RE.exec(lines[i] ?? "");
    if (!match || indentOf(match[1] ?? "") !== indent || /\d/.test(match[2] ?? "") !== ordered) {
      break;
    }
    const contentIndent = indent + (match[2] ?? "").length + Math.min((match[3] ?? " ").length, 4);
    const item: ListItem = { lines: [match[4] ?? ""], loose: false };
    i++;
    while (i < lines.length) {
      const line = lines[i] ?? "";
      if (isBlank(line)) {
        let next = i + 1;
        while (next < lines.length && isBlank(lines[next] ?? "")) {
          next++;
        }
        const following = lines[next];
        if (following !== undefined && indentOf(following) > indent) {
          // Indented content after a blank line still belongs to this item.
          item.lines.push("");
          item.loose = true;
          i = next;
          continue;
        }
        break;
      }
      const lineIndent = indentOf(line);
      if (lineIndent <= indent && LIST_RE.test(line)) {
        break;
      }
      if (lineIndent > indent) {
        item.lines.push(line.replace(/\t/g, "    ").slice(Math.min(lineIndent, contentIndent)));
        i++;
        continue;
      }
      if (!startsBlock(lines, i)) {
        item.lines.push(line.trim()); // lazy continuation of the item's text
        i++;
        continue;
      }
      break;
    }
    items.push(item);
    // A blank line between two items of the same list keeps the list going.
    let next = i;
    while (next < lines.length && isBlank(lines[next] ?? "")) {
      next++;
    }
    const following = LIST_RE.exec(lines[next] ?? "");
    if (next > i && following && indentOf(following[1] ?? "") === indent) {
      i = next;
    }
  }
  const tag = ordered ? "ol" : "ul";
  const startNumber = ordered ? Number.parseInt(first[2] ?? "1", 10) : 1;
  const startAttribute = ordered && startNumber !== 1 ? ` start="${startNumber}"` : "";
  const body = items.map((item) => `<li>${renderBlocks(item.lines, !item.loose)}</li>`).join("");
  return { html: `<${tag}${startAttribute}>${body}</${tag}>`, next: i };
}

/**
 * Renders escaped lines as blocks. `tight` (list items without blank lines) writes
 * paragraphs without `<p>` so items stay compact.
 */
function renderBlocks(lines: readonly string[], tight = false): string {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? "";
    if (isBlank(line)) {
      i++;
      continue;
    }

    const fence = FENCE_RE.exec(line);
    if (fence) {
      const marker = fence[1] ?? "```";
      const language = fence[2] ?? "";
      const body: string[] = [];
      i++;
      while (i < lines.length) {
        const current = lines[i] ?? "";
        const trimmed = current.trim();
        if (trimmed.startsWith(marker[0] ?? "`") && /^(`{3,}|~{3,})$/.test(trimmed) && trimmed.length >= marker.length) {
          i++;
          break;
        }
        body.push(current);
        i++;
      }
      const languageClass = language ? ` class="language-${language.replace(/[^\w+#.-]/g, "")}"` : "";
      out.push(`<pre><code${languageClass}>${body.join("\n")}</code></pre>`);
      continue;
    }

    const heading = HEADING_RE.exec(line);
    if (heading) {
      // Replies live inside a panel: markdown's # is a section title, not the page title.
      const level = Math.min((heading[1] ?? "#").length + 2, 6);
      out.push(`<h${level}>${renderInline(heading[2] ?? "")}</h${level}>`);
      i++;
      continue;
    }

    if (RULE_RE.test(line)) {
      out.push("<hr/>");
      i++;
      continue;
    }

    if (QUOTE_RE.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && QUOTE_RE.test(lines[i] ?? "")) {
        quoted.push((lines[i] ?? "").replace(QUOTE_RE, ""));
        i++;
      }
      out.push(`<blockquote>${renderBlocks(quoted)}</blockquote>`);
      continue;
    }

    if (isTableStart(lines, i)) {
      const rows = [line, lines[i + 1] ?? ""];
      i += 2;
      while (i < lines.length && !isBlank(lines[i] ?? "") && (lines[i] ?? "").includes("|")) {
        rows.push(lines[i] ?? "");
        i++;
      }
      out.push(renderTable(rows));
      continue;
    }

    if (LIST_RE.test(line)) {
      const list = renderList(lines, i);
      out.push(list.html);
      i = list.next;
      continue;
    }

    const paragraph: string[] = [line.trim()];
    i++;
    while (i < lines.length && !isBlank(lines[i] ?? "") && !startsBlock(lines, i)) {
      paragraph.push((lines[i] ?? "").trim());
      i++;
    }
    const html = paragraph.map(renderInline).join("<br/>");
    out.push(tight ? html : `<p>${html}</p>`);
  }
  return out.join("");
}

/** Markdown → HTML that is safe to insert (wrap it in owl's `markup()`). */
export function renderMarkdown(source: string): string {
  const normalized = String(source ?? "")
    .replace(/\r\n?/g, "\n")
    .replace(/\u0000/g, "");
  return renderBlocks(escapeHtml(normalized).split("\n"));
}
