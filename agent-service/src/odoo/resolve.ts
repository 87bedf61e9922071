import type { CallMeta, OdooClient, OdooDomain, OdooRecord } from "./odoo-client.js";

/**
 * Entity resolution shared by every tool: a name the user typed becomes one record, a choice
 * between a few, or a question. An id is never guessed.
 *
 * Round trips: one call resolves every exact name or internal reference of a request at once;
 * a second call, only for what is left, looks for close matches.
 */
export type Candidate = { id: number; name: string; code?: string | undefined; record: OdooRecord };

export type Resolution =
  | { status: "found"; query: string; match: Candidate }
  /** `exact`: the choices all bear the very name asked (e.g. two products named alike). */
  | { status: "ambiguous"; query: string; choices: Candidate[]; exact: boolean }
  | { status: "none"; query: string };

export type EntitySpec = {
  model: string;
  /** The field holding the name (default `name`; a custom model's is often `x_name`). */
  nameField?: string;
  fields: string[];
  /** The internal reference field, e.g. `default_code` for products. */
  codeField?: string;
  /** Another stored name that also identifies a record, e.g. a contact's `complete_name` ("Azure Interior, Brandon Freeman"). */
  fullNameField?: string;
  domain?: OdooDomain;
  /** Among several exact matches, the ones to prefer (e.g. companies over their contacts). */
  prefer?: (record: OdooRecord) => boolean;
  /** Its names are references (an order number): matched exactly or not at all. */
  reference?: boolean;
};

/**
 * What a user copies rather than types: order numbers, internal references (S00028, FURN_7777,
 * E-COM07). Matched exactly or not at all — never "the closest one", which may be another
 * customer's record (security review, finding 2).
 */
export function looksLikeReference(text: string): boolean {
  const trimmed = text.trim().replace(/^\[|\]$/g, "");
  return /^(?=[^\s]*\d)(?=[^\s]*[A-Za-z])[\w./-]{2,64}$/.test(trimmed);
}

const MAX_CHOICES = 5;

export async function resolveMany(
  odoo: OdooClient,
  spec: EntitySpec,
  queries: string[],
  meta?: CallMeta,
): Promise<Resolution[]> {
  const wanted = queries.map(parseQuery);
  const nameKey = spec.nameField ?? "name";
  const nameOf = (record: OdooRecord) => String(record[nameKey] ?? "");
  const fields = unique(["id", nameKey, "display_name", ...(spec.codeField ? [spec.codeField] : []), ...(spec.fullNameField ? [spec.fullNameField] : []), ...spec.fields]);

  const exactDomain = orDomain(
    wanted.flatMap(({ name, code }) => [
      ...(name ? [[nameKey, "=ilike", escapeLike(name)]] : []),
      ...(name && spec.fullNameField && name.includes(",") ? [[spec.fullNameField, "=ilike", escapeLike(name)]] : []),
      ...(spec.codeField && code ? [[spec.codeField, "=ilike", escapeLike(code)]] : []),
    ]),
  );
  const exact = await odoo.searchRead(spec.model, [...(spec.domain ?? []), ...exactDomain], { fields, limit: 20 * queries.length }, meta);

  const results: (Resolution | undefined)[] = wanted.map((query) => {
    const hits = exact.filter((record) => isExactHit(nameOf(record), record, query, spec.codeField, spec.fullNameField));
    if (hits.length) return decide(query.raw, hits.map((r) => toCandidate(r, spec.codeField)), spec);
    // a reference not found as it was written is not found at all
    return spec.reference || looksLikeReference(query.raw) ? { status: "none", query: query.raw } : undefined;
  });

  // Names are translated: a French user may type the English name ("Office Chair" for "Chaise de
  // bureau"). Only for names not found, one more exact search in the database's source language.
  const untranslated = wanted.filter((_, index) => !results[index]);
  if (untranslated.length) {
    const sourceDomain = orDomain(untranslated.flatMap(({ name }) => (name ? [[nameKey, "=ilike", escapeLike(name)]] : [])));
    const source = sourceDomain.length
      ? await odoo.searchRead(spec.model, [...(spec.domain ?? []), ...sourceDomain], { fields, limit: 20 * untranslated.length, context: { lang: "en_US" } }, meta)
      : [];
    wanted.forEach((query, index) => {
      if (results[index]) return;
      const hits = source.filter((record) => normalize(nameOf(record)) === normalize(query.name));
      if (hits.length) results[index] = decide(query.raw, hits.map((r) => toCandidate(r, spec.codeField)), spec);
    });
  }

  const left = wanted.filter((_, index) => !results[index]);
  if (left.length) {
    const closeDomain = orDomain(
      left.flatMap(({ name }) => tokens(name).length ? [[nameKey, "ilike", name.trim()]] : []),
    );
    const close = closeDomain.length
      ? await odoo.searchRead(spec.model, [...(spec.domain ?? []), ...closeDomain], { fields, limit: 10 * left.length }, meta)
      : [];
    wanted.forEach((query, index) => {
      if (results[index]) return;
      const hits = close
        .map((record) => ({ record, score: similarity(query.name, nameOf(record)) }))
        .filter(({ score }) => score > 0)
        .sort((a, b) => b.score - a.score);
      if (hits.length === 1) results[index] = { status: "found", query: query.raw, match: toCandidate(hits[0]!.record, spec.codeField) };
      else if (hits.length > 1) results[index] = { status: "ambiguous", query: query.raw, choices: hits.slice(0, MAX_CHOICES).map(({ record }) => toCandidate(record, spec.codeField)), exact: false };
    });
  }

  // Typos and accents ("Ofice Chiar", "Cafe" for "Café"): candidates sharing a word's first letters,
  // scored by trigram similarity of their accent-free names. One clear winner is used; a few
  // close ones make a choice; nothing near enough is a question.
  const missing = wanted.filter((_, index) => !results[index]);
  if (missing.length) {
    // Two trigrams a word: a typo in its first letters still leaves one to find it by.
    const prefixes = unique(missing.flatMap(({ name }) => tokens(name).filter((token) => token.length >= 3).flatMap((token) => [token.slice(0, 3), token.slice(1, 4)].filter((gram) => gram.length === 3))));
    const fuzzyDomain = orDomain(prefixes.map((prefix) => [nameKey, "ilike", prefix]));
    const pool = fuzzyDomain.length
      ? await odoo.searchRead(spec.model, [...(spec.domain ?? []), ...fuzzyDomain], { fields, limit: 200 }, meta)
      : [];
    wanted.forEach((query, index) => {
      if (results[index]) return;
      const scored = pool
        .map((record) => ({ record, score: trigramSimilarity(query.name, nameOf(record)) }))
        .filter(({ score }) => score >= FUZZY_CHOICE)
        .sort((a, b) => b.score - a.score);
      const [best, second] = scored;
      if (best && best.score >= FUZZY_MATCH && (!second || best.score - second.score >= FUZZY_LEAD)) {
        results[index] = { status: "found", query: query.raw, match: toCandidate(best.record, spec.codeField) };
      } else if (best) {
        results[index] = { status: "ambiguous", query: query.raw, choices: scored.slice(0, MAX_CHOICES).map(({ record }) => toCandidate(record, spec.codeField)), exact: false };
      } else results[index] = { status: "none", query: query.raw };
    });
  }
  return results as Resolution[];
}

/** Fuzzy thresholds on trigram similarity (0..1): a winner, its lead over the next, a choice worth showing. */
const FUZZY_MATCH = 0.55;
const FUZZY_LEAD = 0.15;
const FUZZY_CHOICE = 0.35;

/** Jaccard similarity of the character trigrams of two names, without case or accents. */
export function trigramSimilarity(a: string, b: string): number {
  const grams = (text: string) => {
    const padded = `  ${normalize(text)} `;
    const set = new Set<string>();
    for (let i = 0; i < padded.length - 2; i += 1) set.add(padded.slice(i, i + 3));
    return set;
  };
  const x = grams(a);
  const y = grams(b);
  let shared = 0;
  for (const gram of x) if (y.has(gram)) shared += 1;
  return shared / (x.size + y.size - shared || 1);
}

function decide(raw: string, hits: Candidate[], spec: EntitySpec): Resolution {
  if (hits.length === 1) return { status: "found", query: raw, match: hits[0]! };
  const preferred = spec.prefer ? hits.filter((hit) => spec.prefer!(hit.record)) : [];
  if (preferred.length === 1) return { status: "found", query: raw, match: preferred[0]! };
  return { status: "ambiguous", query: raw, choices: hits.slice(0, MAX_CHOICES), exact: true };
}

type ParsedQuery = { raw: string; name: string; code?: string | undefined };

/** "[FURN_7777] Office Chair", "FURN_7777" and "Office Chair" all name the same product. */
function parseQuery(raw: string): ParsedQuery {
  const trimmed = raw.trim();
  const bracket = /^\[([^\]]+)\]\s*(.*)$/.exec(trimmed);
  if (bracket) return { raw: trimmed, name: bracket[2]!.trim() || bracket[1]!, code: bracket[1]! };
  return { raw: trimmed, name: trimmed, code: /\s/.test(trimmed) ? undefined : trimmed };
}

function isExactHit(name: string, record: OdooRecord, query: ParsedQuery, codeField: string | undefined, fullNameField: string | undefined): boolean {
  if (normalize(name) === normalize(query.name)) return true;
  if (fullNameField && normalize(String(record[fullNameField] ?? "")) === normalize(query.name)) return true;
  const code = codeField ? record[codeField] : undefined;
  return Boolean(query.code && typeof code === "string" && normalize(code) === normalize(query.code));
}

function toCandidate(record: OdooRecord, codeField: string | undefined): Candidate {
  const code = codeField && typeof record[codeField] === "string" ? (record[codeField] as string) : undefined;
  const name = String(record.display_name || record.name || record.x_name || `#${record.id}`);
  return { id: record.id, name, code, record };
}

/** Lower case, no accents, single spaces: how people compare names. */
export function normalize(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

function tokens(text: string): string[] {
  return normalize(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Share of the query's words found in the name, with a bonus when the name is not much longer. */
function similarity(query: string, name: string): number {
  const wanted = tokens(query);
  const have = new Set(tokens(name));
  if (!wanted.length) return 0;
  const found = wanted.filter((token) => have.has(token)).length / wanted.length;
  const containment = normalize(name).includes(normalize(query)) ? 1 : 0;
  // Nothing in common: not a candidate (another query's hit in the same batch, say).
  if (!found && !containment) return 0;
  return found * 0.6 + containment * 0.3 + (0.1 * wanted.length) / Math.max(have.size, wanted.length);
}

/** `=ilike` treats `%` and `_` as wildcards: a product code like FURN_7777 must match itself only. */
function escapeLike(value: string): string {
  return value.trim().replace(/[\\%_]/g, (char) => `\\${char}`);
}

function orDomain(leaves: unknown[][]): OdooDomain {
  if (leaves.length === 0) return [];
  return [...Array<string>(leaves.length - 1).fill("|"), ...leaves];
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

