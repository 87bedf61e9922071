/**
 * A small, dependency-free PDF writer for text documents (a conversation, a project summary):
 * A4 pages, Helvetica, word wrap, headings, page numbers. Text is encoded in WinAnsi, which covers
 * French and English; other characters become "?". The output is a valid PDF 1.4 file.
 */
export type PdfBlock = { kind: "title" | "heading" | "text" | "muted"; text: string };

const PAGE = { width: 595.28, height: 841.89, margin: 56 };
const STYLE: Record<PdfBlock["kind"], { font: "F1" | "F2"; size: number; gap: number }> = {
  title: { font: "F2", size: 16, gap: 10 },
  heading: { font: "F2", size: 11, gap: 8 },
  text: { font: "F1", size: 10, gap: 4 },
  muted: { font: "F1", size: 8, gap: 2 },
};

export function renderPdf(blocks: PdfBlock[], footer: string): Buffer {
  const pages: string[][] = [[]];
  let y = PAGE.height - PAGE.margin;
  const line = (font: string, size: number, text: string) => {
    if (y - size < PAGE.margin + 20) {
      pages.push([]);
      y = PAGE.height - PAGE.margin;
    }
    y -= size * 1.35;
    pages.at(-1)!.push(`BT /${font} ${size} Tf ${PAGE.margin} ${y.toFixed(2)} Td (${escapePdf(text)}) Tj ET`);
  };
  for (const block of blocks) {
    const style = STYLE[block.kind];
    for (const paragraph of block.text.split("\n")) {
      const lines = wrap(paragraph, style.size, PAGE.width - 2 * PAGE.margin);
      for (const text of lines.length ? lines : [""]) line(style.font, style.size, text);
    }
    y -= style.gap;
  }

  const objects: string[] = [];
  const add = (body: string) => objects.push(body) ;
  add("<< /Type /Catalog /Pages 2 0 R >>");
  add(""); // pages, written once the page ids are known
  add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
  const pageIds: number[] = [];
  pages.forEach((content, index) => {
    const stream = [...content, `BT /F1 8 Tf ${PAGE.margin} 30 Td (${escapePdf(`${footer} - ${index + 1}/${pages.length}`)}) Tj ET`].join("\n");
    add(`<< /Length ${Buffer.byteLength(toWinAnsi(stream), "latin1")} >>\nstream\n${stream}\nendstream`);
    const contentId = objects.length;
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${contentId} 0 R >>`);
    pageIds.push(objects.length);
  });
  objects[1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pageIds.length} >>`;

  let out = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n";
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(toWinAnsi(out), "latin1"));
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(toWinAnsi(out), "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(toWinAnsi(out), "latin1");
}

/** Helvetica is about half an em wide on average; wrap on words to the line's width. */
function wrap(text: string, size: number, width: number): string[] {
  const max = Math.max(10, Math.floor(width / (size * 0.5)));
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if ((current + " " + word).trim().length > max) {
      if (current) lines.push(current);
      current = word.length > max ? word.slice(0, max) : word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}

function escapePdf(text: string): string {
  return text.replace(/[\\()]/g, (c) => `\\${c}`);
}

/** Unicode → WinAnsi (cp1252) as a latin1 string; unknown characters become "?". */
const WIN_ANSI: Record<string, number> = {
  "€": 0x80, "‚": 0x82, "„": 0x84, "…": 0x85, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "•": 0x95, "–": 0x96, "—": 0x97, "œ": 0x9c, "Œ": 0x8c, "™": 0x99,
};
function toWinAnsi(text: string): string {
  let out = "";
  for (const char of text.replace(/[\u202f\u2009]/g, " ").replace(/→/g, "->").replace(/←/g, "<-").replace(/[✓✔]/g, "v")) {
    const code = char.codePointAt(0)!;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) out += char;
    else out += String.fromCharCode(WIN_ANSI[char] ?? 0x3f);
  }
  return out;
}

/** Markdown as the copilot writes it, as plain text lines for the PDF (links keep their label). */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\*\*([^*]+)\*\*/g, "$1")
    .replace(/(^|[^*])\*([^*\n]+)\*/g, "$1$2")
    .replace(/_([^_\n]+)_/g, "$1")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/^\|?\s*-{3,}.*$/gm, "")
    .replace(/^\|(.*)\|$/gm, (_, row: string) => row.split("|").map((cell) => cell.trim()).join("  ·  "))
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
