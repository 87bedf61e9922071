import { JOINERS, translationsOf } from "./lexicon.js";
import type { CallMeta, OdooClient, OdooDomain, OdooRecord } from "../../odoo/odoo-client.js";
import { NeedOdooCall } from "../../odoo/bridge-client.js";
import { looksLikeReference, normalize } from "../../odoo/resolve.js";

/**
 * Entity-first reading: what the user names, found in the ERP before guessing what they want.
 *
 * The utterance's words are searched in Odoo as the user (their rights apply, nothing is loaded
 * whole: a catalog of 50,000 products answers the few records sharing a word with the request),
 * then each record's name is matched back into the utterance, without case or accents, with a
 * typo or a plural allowed in a long word. References (an order number, an internal reference)
 * match exactly or not at all.
 */
/** The kinds of record the planner finds named in a request. */
export const MENTION_KINDS = ["product", "customer", "project", "task", "user", "quotation"] as const;
export type EntityKind = (typeof MENTION_KINDS)[number];

export type Mention = {
  kind: EntityKind;
  /** Character span in the text. */
  start: number;
  end: number;
  /** The words as the user typed them. */
  text: string;
  /** The record's name when one record matches the words whole; else the words typed (the tool's resolver asks). */
  value: string;
  /** The words cover a record's whole name (or reference). */
  whole: boolean;
  /** How many records these words could be. */
  records: number;
  /** 0..1: the share of the record's name the words cover. */
  score: number;
};

type Source = { kind: EntityKind; model: string; fields: string[]; code?: string; domain?: OdooDomain };

const SOURCES: Source[] = [
  { kind: "product", model: "product.product", fields: ["name", "default_code", "display_name"], code: "default_code" },
  { kind: "customer", model: "res.partner", fields: ["name"] },
  { kind: "project", model: "project.project", fields: ["name"] },
  { kind: "task", model: "project.task", fields: ["name"] },
  { kind: "user", model: "res.users", fields: ["name"] },
];

/** Which kinds are worth a search, from the tools this user has. */
export function kindsFor(tools: ReadonlySet<string>): EntityKind[] {
  const has = (...names: string[]) => names.some((name) => tools.has(name));
  const kinds: EntityKind[] = [];
  if (has("get_stock", "create_quotation", "search_products", "show_kit", "update_quotation")) kinds.push("product");
  if (has("create_quotation", "list_quotations", "search_customers")) kinds.push("customer");
  if (has("project_summary", "list_tasks", "create_task", "log_project_note")) kinds.push("project", "task", "user");
  return kinds;
}

/** Words that never name a record on their own: the request's grammar and the ERP's nouns. */
const STOP = new Set(
  `a an the of for to in on at by with and or from into about is are be do does did we you i me my our your it its this that these those there what which who how many much any some all
  can could would please pls thanks thank hi hello hey new create make add show list give get see find search check tell need want have has left still set put change update move
  stock quote quotes quotation quotations order orders sale sales customer customers client clients product products item items project projects task tasks note notes
  un une le la les l de du des d au aux et ou en dans sur pour par avec sans a est sont ce cet cette ces mon ma mes notre nos votre vos son sa ses qui que quoi quel quelle quels quelles
  combien il elle on nous vous je tu moi me te se y reste encore bonjour salut merci stp svp peux peut pourrais fais fait faire cree creer ajoute montre affiche liste donne
  devis offre commande commandes produit produits article articles projet projets tache taches client clients note notes stock stocks
  open opened ouvert ouverts ouverte ouvertes new nouveau nouvelle nouveaux all tous toutes last first dernier derniers premier premiers`
    .split(/\s+/)
    .filter(Boolean),
);

export type Token = { text: string; norm: string; start: number; end: number };

export function tokenize(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}_./-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu)].map((match) => ({
    text: match[0],
    norm: normalize(match[0]),
    start: match.index,
    end: match.index + match[0].length,
  }));
}

const MAX_WORDS = 12;
/** Words one lookup searches (the addon's `copilot.lookup` reads at most 32), and rows it reads. */
const MAX_LOOKUP_WORDS = 32;
const LIMIT = 80;

/** The records of each kind whose name shares a word with the text: one search per kind, in parallel. */
export async function findEntities(text: string, odoo: OdooClient, kinds: EntityKind[], meta?: CallMeta): Promise<Mention[]> {
  const tokens = tokenize(text);
  // searched as typed (Odoo's ilike keeps accents) and without accents when they differ
  const significant = tokens.filter((token) => (token.norm.length >= 3 || /\d/.test(token.norm)) && !STOP.has(token.norm) && !/^\d+$/.test(token.norm));
  const words = [...new Set(significant.flatMap((token) => [token.text.toLowerCase(), token.norm]))].sort((a, b) => b.length - a.length).slice(0, MAX_WORDS);
  const mentions: Mention[] = quotationNumbers(tokens);
  if (!words.length) return mentions;
  const references = words.filter((word) => looksLikeReference(word));
  // a long word is searched by its first letters: a typo further on ("cabinett") still finds it
  const searched = (word: string) => (word.length >= 7 ? word.slice(0, 5) : stem(word));
  // each word, then the same word in the other language: "lampes de bureau" finds "Office Lamp"
  // (./lexicon.ts); the addon searches the first MAX_LOOKUP_WORDS
  // (only words typed in lower case: "Large Cabinet" typed with capitals is the catalog's own
  // name, "grandes armoires" is the user's language; each translation is one more search)
  const sentenceStart = (token: Token) => /(?:^|[.!?:;]\s*)$/.test(text.slice(0, token.start));
  const ownWord = (token: Token) => token.text === token.text.toLowerCase() || (sentenceStart(token) && token.text.slice(1) === token.text.slice(1).toLowerCase());
  const lowercase = new Set(significant.filter(ownWord).flatMap((token) => [token.text.toLowerCase(), token.norm]));
  const names = [
    ...new Set(
      words
        .filter((word) => !looksLikeReference(word))
        .flatMap((word) => [searched(word), ...(lowercase.has(word) ? translationsOf(normalize(word)).map(searched) : [])]),
    ),
  ].slice(0, MAX_LOOKUP_WORDS);
  const sources = SOURCES.filter((source) => kinds.includes(source.kind));
  // two words of the request in a row: what a large catalog answers first
  const plain = (token: Token) => !STOP.has(token.norm) && !/^\d+$/.test(token.norm);
  const pairs = tokens.slice(0, -1).map((token, i) => [token, tokens[i + 1]!] as const);
  const phrases = [...new Set(pairs.filter(([a, b]) => plain(a) && plain(b)).map(([a, b]) => `${a.text} ${b.text}`.toLowerCase()))].slice(0, MAX_WORDS);
  // "R&D" for "Research & Development": the capitals of a name
  const acronyms = [...text.matchAll(/(?<![\p{L}\p{N}])([A-Z](?:&?[A-Z]){1,4})(?![\p{L}\p{N}])/gu)].map((match) => ({ text: match[0], start: match.index, end: match.index + match[0].length }));
  const results = await lookup(odoo, sources, names, references, phrases, acronyms.map((acronym) => acronym.text), meta, Math.min(200, Math.max(LIMIT, 8 * names.length)));
  // each word and what it is in the other language, once for every kind
  const candidates = tokens.map((token) => [token.norm, ...translationsOf(token.norm)]);
  for (const { source, records } of results) mentions.push(...matchRecords(tokens, source, records, candidates), ...matchInitials(acronyms, source, records));
  // what the user quotes is their own words (a title, a note), not a name to find
  const quoted = [...text.matchAll(/"[^"]*"|«[^»]*»|(?<![\p{L}])'[^']{3,}'/gu)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  // ...unless the quotes hold a name whole ("move 'Create new components' to Done")
  return mentions.filter((mention) => !quoted.some((span) => span.start <= mention.start && mention.end <= span.end && !(mention.whole && mention.end - mention.start >= span.end - span.start - 4)));
}

/**
 * One call: the addon's `copilot.lookup.find` searches every kind as the user (an offline turn
 * runs its calls inside the Odoo request that waits, so a call saved is a round trip saved). An
 * Odoo without it (an older addon) is searched one model at a time.
 */
async function lookup(odoo: OdooClient, sources: Source[], names: string[], references: string[], phrases: string[], initials: string[], meta?: CallMeta, limit = LIMIT): Promise<{ source: Source; records: OdooRecord[] }[]> {
  try {
    const found = await odoo.call<Record<string, OdooRecord[]>>("copilot.lookup", "find", [names], { kinds: sources.map((source) => source.kind), references, phrases, initials, limit }, meta);
    return sources.map((source) => ({ source, records: Array.isArray(found?.[source.kind]) ? found[source.kind]! : [] }));
  } catch (error) {
    // the bridge: this call goes back to the waiting Odoo request first
    if (error instanceof NeedOdooCall) throw error;
    return Promise.all(
      sources.map(async (source) => {
        const terms: unknown[] = [...names.map((word) => ["name", "ilike", word]), ...(source.code ? references.map((word) => [source.code!, "=ilike", word]) : [])];
        if (!terms.length) return { source, records: [] as OdooRecord[] };
        const domain = [...Array(terms.length - 1).fill("|"), ...terms] as OdooDomain;
        const records = await odoo.searchRead(source.model, [...(source.domain ?? []), ...domain], { fields: source.fields, limit: LIMIT }, meta).catch(() => [] as OdooRecord[]);
        return { source, records };
      }),
    );
  }
}

/** "S00003", "SO042": a sales order's number, exactly as Odoo writes it (checked by the tool). */
function quotationNumbers(tokens: Token[]): Mention[] {
  return tokens
    .filter((token) => /^[A-Z]{1,4}\/?\d{3,}(?:\/\d+)?$/i.test(token.text) && /^s/i.test(token.text))
    .map((token) => ({ kind: "quotation" as const, start: token.start, end: token.end, text: token.text, value: token.text.toUpperCase(), whole: true, records: 1, score: 1 }));
}

/** Plural "chairs" finds "Chair": a word is searched without its final s. */
function stem(word: string): string {
  return word.length > 4 && /s$/.test(word) && !/ss$/.test(word) ? word.slice(0, -1) : word;
}

/** Two words are the same word: equal, a plural apart, or one typo apart in a long word. */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) >= 3 && (a === `${b}s` || b === `${a}s` || a === `${b}es` || b === `${a}es` || a === `${b}x` || b === `${a}x`)) return true;
  // an "e" more at the end of a word of four or more ("azur" for "azure")
  if (Math.min(a.length, b.length) >= 4 && (a === `${b}e` || b === `${a}e`)) return true;
  if (Math.min(a.length, b.length) < 5) return false;
  return editDistance(a, b, 2) <= (Math.min(a.length, b.length) >= 8 ? 2 : 1);
}

/** Damerau-Levenshtein distance (a swap of two letters is one edit), or `max + 1` once it is sure to exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  let before: number[] = [];
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    let lowest = i;
    for (let j = 1; j <= b.length; j += 1) {
      let value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      row.push(value);
      lowest = Math.min(lowest, value);
    }
    if (lowest > max) return max + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length]!;
}

/** A project or customer named by its initials: "R&D", "JG" for "The Jackson Group" is not (articles count for nothing). */
function matchInitials(acronyms: { text: string; start: number; end: number }[], source: Source, records: OdooRecord[]): Mention[] {
  if (source.kind !== "project" && source.kind !== "customer") return [];
  const mentions: Mention[] = [];
  for (const acronym of acronyms) {
    const letters = acronym.text.replace(/&/g, "").toLowerCase();
    const names = records
      .map((record) => String(record.name ?? ""))
      .filter((name) => tokenize(name).map((token) => token.norm).filter((word) => !/^(?:the|le|la|les|of|de|du|des|and|et|a)$/.test(word)).map((word) => word[0]).join("") === letters);
    if (names.length) mentions.push({ kind: source.kind, start: acronym.start, end: acronym.end, text: acronym.text, value: names.length === 1 ? names[0]! : acronym.text, whole: names.length === 1, records: names.length, score: 1 });
  }
  return mentions;
}

/** Where in the text each record's name is, as a whole or as its first words. */
function matchRecords(tokens: Token[], source: Source, records: OdooRecord[], candidates: string[][]): Mention[] {
  type Hit = { start: number; end: number; covered: number; of: number; name: string; whole: boolean; alias?: string };
  const hits: Hit[] = [];
  const named = (record: OdooRecord): string[] => {
    const name = String(record.name ?? "");
    // a variant: "Conference Chair (Aluminium)" is named by its attributes too, and is its reference
    const display = String(record.display_name ?? "").replace(/^\[[^\]]*\]\s*/, "");
    return display && display !== name && display.startsWith(name) ? [name, display] : [name];
  };
  for (const record of records) for (const name of named(record)) {
    const code = source.code && typeof record[source.code] === "string" ? String(record[source.code]) : "";
    if (code && name === String(record.name ?? "")) {
      for (const token of tokens) if (token.norm === normalize(code)) hits.push({ start: token.start, end: token.end, covered: 1, of: 1, name: code, whole: true });
    }
    // "research and development" for "Research & Development": the name's & is the text's and/et
    const words = tokenize(name.replace(/\s*&\s*/g, " and ")).map((token) => token.norm);
    if (!words.length) continue;
    const value = name !== String(record.name ?? "") && code ? code : name;
    for (let i = 0; i < tokens.length; i += 1) {
      // the name's words in order, from its first or from any word ("Chair" for "Office Chair")
      for (let offset = 0; offset < words.length; offset += 1) {
        let k = 0;
        if (source.kind === "project" && offset === 0 && !STOP.has(tokens[i]!.norm) && tokens[i]!.norm.length >= 4 && words[0]!.length > tokens[i]!.norm.length + 2 && words[0]!.startsWith(tokens[i]!.norm) && words.length === 1) {
          hits.push({ start: tokens[i]!.start, end: tokens[i]!.end, covered: 1, of: 1, name, whole: true });
          break;
        }
        while (offset + k < words.length && i + k < tokens.length && (sameWord(tokens[i + k]!.norm, words[offset + k]!) || (words[offset + k] === "and" && /^(?:and|et)$/.test(tokens[i + k]!.norm)))) k += 1;
        if (!k) continue;
        const span = tokens.slice(i, i + k);
        // a lone short or grammatical word is not a mention ("de" of "Maison de la Literie")
        if (k === 1 && (STOP.has(span[0]!.norm) || span[0]!.norm.length < 3)) continue;
        // one word of a longer name, only if typed as it is (a typo of "delivery" is the verb "deliver")
        if (k === 1 && k < words.length && span[0]!.norm !== words[offset]! && span[0]!.norm !== `${words[offset]!}s` && `${span[0]!.norm}s` !== words[offset]!) continue;
        // a task or a project is named by its name, or at least two of its words in a row
        // (or one capitalized word of five letters or more: "Painting" for "S00026 - Painting")
        if ((source.kind === "task" || source.kind === "project") && k < words.length && k < 2 && !(/^\p{Lu}/u.test(span[0]!.text) && span[0]!.norm.length >= 5)) continue;
        hits.push({ start: span[0]!.start, end: span[k - 1]!.end, covered: k, of: words.length, name: k === words.length ? value : name, whole: k === words.length });
        break;
      }
    }
  }
  hits.push(...translatedHits(tokens, source, records, candidates));
  // One mention a span: the records its words could be.
  const bySpan = new Map<string, Hit[]>();
  for (const hit of hits) {
    const key = `${hit.start}:${hit.end}`;
    bySpan.set(key, [...(bySpan.get(key) ?? []), hit]);
  }
  const mentions: Mention[] = [];
  for (const group of bySpan.values()) {
    const first = group[0]!;
    const names = [...new Set(group.map((hit) => hit.name))];
    const wholes = [...new Set(group.filter((hit) => hit.whole).map((hit) => hit.name))];
    const text = tokens.filter((token) => token.start >= first.start && token.end <= first.end).map((token) => token.text).join(" ");
    // words said in the other language are searched by their translation ("lampes" → "lamp")
    const alias = group.every((hit) => hit.alias) ? group[0]!.alias : undefined;
    const best = Math.max(...group.map((hit) => hit.covered / hit.of));
    mentions.push({
      kind: source.kind,
      start: first.start,
      end: first.end,
      text,
      // one record whole, or one record only that these words can be ("Azure" for Azure Interior)
      // (a word said in the other language names a kind of product, never one record: "armoires" may be several)
      value: wholes.length === 1 ? wholes[0]! : alias ? alias : names.length === 1 && (best >= 0.99 || text.length >= 4) ? names[0]! : text,
      whole: wholes.length > 0,
      records: wholes.length || names.length,
      score: best,
    });
  }
  return mentions;
}

/**
 * A name said in the other language, its words in any order and with the joining words of the
 * language ("lampes de bureau" for "Office Lamp", "grande armoire" for "Large Cabinet"): whole
 * when every word of the name is said, and nothing else between; "lampes" alone is a word of
 * several names, named by its translation ("lamp") for the resolver to ask which.
 */
function translatedHits(tokens: Token[], source: Source, records: OdooRecord[], candidates: string[][]) {
  const hits: { start: number; end: number; covered: number; of: number; name: string; whole: boolean; alias?: string }[] = [];
  if (source.kind !== "product" && source.kind !== "project") return hits;
  for (const record of records) {
    const name = String(record.name ?? "");
    // "Three-Seat Sofa": three, seat, sofa ("canapé trois places")
    const words = tokenize(name.replace(/-/g, " ")).map((token) => token.norm).filter((word) => !JOINERS.has(word));
    if (!words.length || words.length > 4) continue;
    for (let i = 0; i < tokens.length; i += 1) {
      if (JOINERS.has(tokens[i]!.norm) || (candidates[i]!.length === 1 && words.length === 1)) continue;
      const left = [...words];
      let used = 0;
      let end = i;
      let translatedAny = false;
      const consumed: string[] = [];
      for (let j = i; j < tokens.length && left.length && j < i + words.length * 2 + 1; j += 1) {
        const norm = tokens[j]!.norm;
        if (JOINERS.has(norm) && j > i) continue;
        const at = left.findIndex((word) => candidates[j]!.some((candidate) => sameWord(candidate, word)));
        // a word of a compound already matched ("poste de travail" is one workplace)
        if (at < 0 && j > i && consumed.some((word) => candidates[j]!.some((candidate) => sameWord(candidate, word)))) continue;
        if (at < 0) break;
        consumed.push(left[at]!);
        if (!left.some((word) => norm === word || norm === `${word}s`)) translatedAny = true;
        left.splice(at, 1);
        used += 1;
        end = j;
      }
      const whole = !left.length;
      // what the other language or another order adds ("black office chairs" for "Office Chair
      // Black", "kit table"): the name typed as it is, in order, is matched above
      if (!used || (!translatedAny && !(whole && words.length >= 2))) continue;
      if (!whole && (used < 1 || words.length - left.length < 1)) continue;
      // one translated word of a longer name: a candidate the resolver will ask about, by its translation
      // (its head noun: the last word of an English name, "lamp" of "Office Lamp", not "office")
      const alias = whole || used > 1 ? undefined : candidates[i]!.slice(1).find((candidate) => sameWord(candidate, words.at(-1)!));
      if (!whole && used === 1 && !alias) continue;
      hits.push({ start: tokens[i]!.start, end: tokens[end]!.end, covered: used, of: words.length, name, whole, ...(alias ? { alias } : {}) });
    }
  }
  return hits;
}

/**
 * The mentions that do not overlap, the best first: longer spans, whole names, then the kinds the
 * request is most likely about. An unknown name leaves no mention (the reader falls back to the
 * words around it, and the tool's resolver asks).
 */
export function bestMentions(mentions: Mention[]): Mention[] {
  // on the same words, a user before a contact (every user is a contact too)
  const rank = (mention: Mention) => (mention.end - mention.start) * (mention.whole ? 2 : 1) * (0.5 + mention.score) + (mention.kind === "quotation" ? 100 : 0) + (mention.kind === "user" ? 0.5 : 0);
  const chosen: Mention[] = [];
  for (const mention of [...mentions].sort((a, b) => rank(b) - rank(a))) {
    if (chosen.some((other) => other.start < mention.end && mention.start < other.end)) continue;
    chosen.push(mention);
  }
  return chosen.sort((a, b) => a.start - b.start);
}
