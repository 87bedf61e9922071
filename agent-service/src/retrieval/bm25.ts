import { normalize } from "../odoo/resolve.js";

/** Words too common to tell passages apart, in the languages the copilot speaks. */
const STOPWORDS = new Set(
  (
    "a an and are as at be but by for from has have in is it its of on or that the this to was were will with what when where who how " +
    "au aux avec ce ces dans de des du elle en est et il ils je la le les leur lui ma mais me mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous y quoi quel quelle quels quelles"
  ).split(" "),
);

export function tokenize(text: string): string[] {
  return normalize(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 1 && !STOPWORDS.has(token))
    .map((token) => (token.length > 4 ? token.replace(/(?:es|s|x)$/, "") : token));
}

export type Passage<T> = { text: string; source: T };

/**
 * Okapi BM25 (k1 = 1.2, b = 0.75) over the passages: the standard lexical ranker, no index to keep,
 * fast enough for a project's few hundred passages. Answers the passages with a positive score, best first.
 */
export function rankBm25<T>(query: string, passages: Passage<T>[], limit: number): (Passage<T> & { score: number })[] {
  const terms = [...new Set(tokenize(query))];
  if (!terms.length || !passages.length) return [];
  const docs = passages.map((passage) => tokenize(passage.text));
  const averageLength = docs.reduce((sum, doc) => sum + doc.length, 0) / docs.length || 1;
  const documentFrequency = new Map(terms.map((term) => [term, docs.filter((doc) => doc.includes(term)).length]));
  const k1 = 1.2;
  const b = 0.75;
  return passages
    .map((passage, index) => {
      const doc = docs[index]!;
      let score = 0;
      for (const term of terms) {
        const frequency = doc.filter((token) => token === term).length;
        if (!frequency) continue;
        const df = documentFrequency.get(term)!;
        const idf = Math.log(1 + (docs.length - df + 0.5) / (df + 0.5));
        score += (idf * frequency * (k1 + 1)) / (frequency + k1 * (1 - b + (b * doc.length) / averageLength));
      }
      return { ...passage, score };
    })
    .filter((passage) => passage.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

/** Splits a long text into passages of about `size` characters, on sentence ends. */
export function splitPassages(text: string, size = 600): string[] {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= size) return clean ? [clean] : [];
  const passages: string[] = [];
  let current = "";
  for (const sentence of clean.split(/(?<=[.!?])\s+/)) {
    if (current && current.length + sentence.length > size) {
      passages.push(current);
      current = "";
    }
    current = current ? `${current} ${sentence}` : sentence.slice(0, size * 2);
  }
  if (current) passages.push(current);
  return passages;
}

/** The text of Odoo's HTML fields (descriptions, message bodies). */
export function htmlToText(html: unknown): string {
  if (typeof html !== "string") return "";
  return html
    .replace(/<(br|\/p|\/div|\/li|\/h\d)\s*\/?>/gi, "\n")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/[ \t]+/g, " ")
    .trim();
}
