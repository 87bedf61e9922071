import { readFile } from "node:fs/promises";
import * as chrono from "chrono-node";
import type { Lang } from "../../i18n.js";
import type { CallMeta, OdooClient } from "../../odoo/odoo-client.js";
import { catalog } from "../../tools/index.js";
import { SLOT_WORD, trainClassifier, type Classifier, type PhraseSet, type Reading } from "./classifier.js";
import { bestMentions, findEntities, kindsFor, type Mention } from "./entities.js";
import { findNumbers, type NumberMention } from "./numbers.js";
import { MONTH, WEEKDAY, months, parseDate, weekdays, withYear } from "./dates.js";
import { DESTRUCTIVE, parseIntent, readQuotationEdit, type Intent } from "./parse.js";
import { FILL, fillOf, type Slots } from "./arguments.js";
import { corrected, inside, type DateMention, type Span } from "./spans.js";

/**
 * The offline planner's reader: entities first (found in the ERP as the user), numbers and dates
 * (chrono-node for dates, in French and English), then the intent from a classifier trained on
 * the tools' phrases, then the arguments from what stands next to what. Unsure → a question,
 * never a write on a guess.
 */
export type ReadInput = {
  message: string;
  lang: Lang;
  today: string;
  tools: ReadonlySet<string>;
  /** Odoo as the user, to find what the request names; without it the reader uses the text's shape only. */
  odoo?: OdooClient | undefined;
  meta?: CallMeta | undefined;
  /** The panel's project chip. */
  project?: string | undefined;
  /** The user's previous request in this conversation (or how to read it): "and for Gemini Furniture?" is read against it. */
  previous?: string | (() => Promise<string | undefined>) | undefined;
  /** The intent to read the request as (the user answered "yes" or "the second one" to the planner's question). */
  force?: string | undefined;
};

/** Why the reader chose what it chose (for the eval's verbose output and the tests). */
export type ReadResult = { intent: Intent; reading: Reading; delexicalized: string };

/** Intents that are not tools: greetings and help, and requests to delete (refused). */
const PLANNER_INTENTS: Record<string, PhraseSet> = {
  help: {
    en: ["(hi|hello|hey|good morning|good afternoon)", "what can you do [for me]", "help [me]", "how does (this|it) work", "who are you", "what are you able to do", "(thanks|thank you|ok|great|cool|perfect)", "(tell me a joke|how are you|what's the weather like)"],
    fr: ["(bonjour|salut|coucou|bonsoir)", "que (peux|sais)-tu faire", "(aide|aide-moi)", "comment (ça|ca) marche", "qui es-tu", "(merci|ok|super|parfait|génial)", "(raconte-moi une blague|comment vas-tu|quel temps fait-il)"],
  },
  out_of_scope: {
    en: ["(validate|confirm|process|ship) the (delivery|shipment|picking) (for|of) {quotation}", "(create|send|make) the invoice (for|of) {quotation}", "register a payment (for|of) {quotation}", "(book|plan) a (meeting|call) with {customer}", "(order|buy) {number} {product} from the supplier", "(what's|what is) (the weather|the time)"],
    fr: ["(valide|confirme|expédie) la livraison (du|de|pour) {quotation}", "(crée|envoie|fais) la facture (du|de|pour) {quotation}", "enregistre un paiement (du|pour) {quotation}", "(planifie|cale) (une réunion|un rendez-vous) avec {customer}", "commande {number} {product} au fournisseur"],
  },
  destructive: {
    en: ["(delete|remove|erase|wipe|destroy|purge) (all|every|the) (customers|products|quotes|orders|projects|tasks|data|records|everything)", "(delete|remove|archive) [the] [customer] {customer}", "(delete|cancel) [the] [quote|order] {quotation}", "(drop|empty) the database", "(delete|remove|archive) [the] project {project}"],
    fr: ["(supprime|efface|détruis|vide|purge) (tous les|toutes les|les) (clients|produits|devis|commandes|projets|tâches|données)", "(supprime|efface|archive) [le client] {customer}", "(supprime|annule) [le devis|la commande] {quotation}", "vide la base", "(supprime|archive) [le] projet {project}"],
  },
};

let trained: Promise<Classifier> | undefined;

/** Every intent's phrases: the catalog's tools, then the planner's own. */
export function plannerPhrases(): Record<string, PhraseSet> {
  return { ...Object.fromEntries(catalog.filter((tool) => tool.phrases).map((tool) => [tool.name, tool.phrases!])), ...PLANNER_INTENTS };
}

/**
 * The classifier, once per process: the model trained at build time (`npm run build` writes
 * dist/planner-model.json beside the service) when it was trained on these phrases, else
 * trained here (about 3 s; the tests and `npm run eval` do that).
 */
export function plannerClassifier(): Promise<Classifier> {
  trained ??= (async () => {
    const saved = await readFile(new URL("./planner-model.json", import.meta.url), "utf8")
      .then((text) => JSON.parse(text) as Parameters<typeof trainClassifier>[1])
      .catch(() => undefined);
    return trainClassifier(plannerPhrases(), saved);
  })();
  return trained;
}

/** A write runs only on a sure reading; below, the user is asked. */
const SURE = 0.7;
const UNSURE = 0.45;
const CLOSE = 0.15;

export async function readRequest(input: ReadInput): Promise<ReadResult> {
  const { message, lang, today, tools } = input;
  const none: Reading = { intent: "None", score: 0 };
  if (/^\s*\//.test(message)) return { intent: parseIntent(message, today, input.project), reading: none, delexicalized: "" };
  const text = clean(message);
  if (input.previous && FOLLOW_UP.test(text)) {
    const previous = typeof input.previous === "function" ? await input.previous() : input.previous;
    const followed = previous ? await readFollowUp({ ...input, previous }, text) : undefined;
    if (followed) return followed;
  }
  // the shape reader sees the request without its greeting and thanks either
  const legacy = parseIntent(text, today, input.project);
  const all = input.odoo ? await findEntities(text, input.odoo, kindsFor(tools), input.meta) : [];
  const best = bestMentions(all);
  const numbers = findNumbers(text).filter((number) => !inside(number, best));
  const dates = findDates(text, lang, today).filter((date) => !inside(date, best));
  const delexicalized = delexicalize(text, best, numbers, dates);
  const classifier = await plannerClassifier();
  let reading = await classifier.classify(delexicalized, lang);
  // an e-mail or a story around the request: the sentence that asks is read on its own too
  const sentences = delexicalized.split(/(?<=[.!?;])\s+|\s+[—–]\s+|\s*,\s*(?=(?:please|pls|could you|can you|merci de|pourriez|peux-tu|tu peux)\b)/i).filter((sentence) => sentence.split(/\s+/).length >= 2);
  if (sentences.length > 1) {
    for (const sentence of sentences) {
      const alone = await classifier.classify(sentence, lang);
      if (alone.intent !== "None" && alone.score > reading.score + 0.1) reading = alone;
    }
  }
  const result = (intent: Intent): ReadResult => ({ intent, reading, delexicalized });

  // Removing a line from a quotation is an edit, not a deletion.
  const edit = readQuotationEdit(text, today);
  // an edit read whole (a quotation, a verb, its lines) is evidence of its own: "They don't want the
  // office chairs anymore, take them off S00001"
  const readsEdit = reading.intent === "update_quotation" && reading.score >= UNSURE && (!reading.second || reading.score - reading.second.score >= CLOSE);
  // "3 Office Chair — non, mets-en 5", "mercredi… ah non, plutôt vendredi": the correction replaces what it corrects
  const slots: Slots = { text, lang, today, all, best, numbers: corrected(text, numbers, best), dates: corrected(text, dates, best), legacy, project: input.project };
  const ownEdit = edit || readsEdit ? FILL.update_quotation!(slots) : undefined;
  if (ownEdit && (reading.intent === "update_quotation" || reading.intent === "destructive" || reading.score < SURE)) {
    // a question the edit needs answered ("how many?") before the shape reader's guess
    if ("ask" in ownEdit) return result({ kind: "ask", key: ownEdit.ask as never, params: (ownEdit.params ?? {}) as Record<string, string> });
    return result({ kind: "tool", tool: "update_quotation", args: ownEdit });
  }
  if (edit && (reading.intent === "update_quotation" || reading.intent === "destructive" || reading.score < SURE)) return result(edit);
  if (reading.intent === "destructive" && reading.score >= UNSURE) return result({ kind: "refuse_destructive" });
  if (reading.intent === "out_of_scope" && reading.score >= UNSURE) return result({ kind: "ask", key: "planner.out_of_scope", params: {} });
  // an e-mail address and nothing else known: whose it is
  const email = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(text)?.[0];
  if (email && !best.length && tools.has("search_customers") && (reading.score < SURE || reading.intent === "search_customers")) return result({ kind: "tool", tool: "search_customers", args: { query: email } });
  if (DESTRUCTIVE.test(text) && !edit) return result({ kind: "refuse_destructive" });

  // every tool of the catalog is read, offered or not: one the user cannot use here is refused
  // with a clear reason by the invoker, rather than "not understood"
  const known = (name: string | undefined): name is string => Boolean(name && (fillOf(name) || name === "help"));
  // a tool this user has, before one they do not, when both are read
  if (reading.second && reading.score < SURE && !tools.has(reading.intent) && tools.has(reading.second.intent) && reading.second.score >= 0.2) {
    reading = { intent: reading.second.intent, score: reading.second.score, second: { intent: reading.intent, score: reading.score } };
  }
  const first = known(reading.intent) ? reading.intent : undefined;
  const second = reading.second && known(reading.second.intent) && reading.second.score >= 0.12 ? reading.second.intent : undefined;
  const legacyTool = legacy.kind === "tool" ? legacy.tool : undefined;

  let chosen: string | undefined = input.force && fillOf(input.force) ? input.force : undefined;
  if (chosen) {
    // answered: the reading the user picked
  } else if (first && reading.score >= SURE && (!second || reading.score - reading.second!.score >= CLOSE)) chosen = first;
  else if (legacyTool && (legacyTool === first || legacyTool === second)) chosen = legacyTool;
  else if (first && reading.score >= UNSURE && (!second || reading.score - reading.second!.score >= CLOSE) && isRead(first)) chosen = first;
  else if (!first && legacyTool && isRead(legacyTool) && reading.score < UNSURE) chosen = legacyTool;

  // only names ("Large Cabinet", "S00003", "Office Design"): what reading them gives, when it only reads
  const namesOnly = /^(?:x[a-z]+[\s,;&-]*)+$/.test(delexicalized.trim());
  if (!chosen && namesOnly && first && isRead(first)) chosen = first;
  if (!chosen) {
    if (namesOnly && first && first !== "help") return result({ kind: "ask", key: "planner.confirm_reading", params: { reading: describe(first, slots) } });
    if (first && second && first !== "help" && second !== "help" && reading.score >= 0.25) {
      return result({ kind: "ask", key: "planner.choose", params: { first: describe(first, slots), second: describe(second, slots) } });
    }
    // one reading, not sure enough to act on: ask whether it is the one
    if (first && first !== "help" && reading.score >= 0.3) return result({ kind: "ask", key: "planner.confirm_reading", params: { reading: describe(first, slots) } });
    if (legacy.kind === "help" || first === "help") return result({ kind: "help" });
    if (legacy.kind === "ask") return result(legacy);
    if (input.project && best.length === 0) return result(parseIntent(message, today, input.project));
    return result({ kind: "unknown" });
  }
  if (chosen === "help") return result({ kind: "help" });
  const filled = fillOf(chosen)?.(slots);
  if (filled && "ask" in filled) return result({ kind: "ask", key: filled.ask as never, params: (filled.params ?? {}) as Record<string, string> });
  const args = filled ?? (legacyTool === chosen ? (legacy as Extract<Intent, { kind: "tool" }>).args : undefined);
  if (!args) return result({ kind: "unknown" });
  return result(withProject({ kind: "tool", tool: chosen, args }, input.project));
}

/** "and for Gemini Furniture?", "et pour Office Design ?", "same for Azure", "ajoute-en 2", "add 3 more". */
const FOLLOW_UP = /^(?:(?:yes|yeah|yep|oui|ouais|ok|okay|sure|exactly|exactement|c'est [çc]a|that's it|d'accord|vas-y|go ahead|the first(?: one)?|le premier|la premi[eè]re|the second(?: one)?|le second|le deuxi[eè]me|la seconde|la deuxi[eè]me)(?:\s*[,!.]*\s*(?:please|merci|thanks|stp))?$|(?:and|et|what about|how about|same(?: thing)? for|the same for|pareil pour|idem pour|m[êe]me chose pour|and for|et pour|et chez|et du|et de la|et des|et le|et la|and the)(?![\p{L}])|(?:ajoute|rajoute|mets|add)[- ]en\b|(?:add|ajoute|rajoute)\s+\S+\s+(?:more|de plus)\b)/iu;
const ARGUMENT_OF: Partial<Record<Mention["kind"], string[]>> = {
  customer: ["customer"],
  product: ["product", "kit"],
  project: ["project"],
  task: ["task"],
  user: ["assignee"],
  quotation: ["quotation"],
};

/** The previous request's reading, with what this one changes: another entity, or more of the same. */
async function readFollowUp(input: ReadInput & { previous: string }, text: string): Promise<ReadResult | undefined> {
  const before = await readRequest({ ...input, message: input.previous, previous: undefined });
  // the answer to the planner's own question: the reading it offered
  if (before.intent.kind === "ask" && (before.intent.key === "planner.confirm_reading" || before.intent.key === "planner.choose")) {
    const second = /^(?:the second|le second|le deuxi[eè]me|la seconde|la deuxi[eè]me)/iu.test(text);
    const yes = second || /^(?:yes|yeah|yep|oui|ouais|ok|okay|sure|exactly|exactement|c'est [çc]a|that's it|d'accord|vas-y|go ahead|the first|le premier|la premi[eè]re)/iu.test(text);
    const force = second ? before.reading.second?.intent : before.reading.intent;
    if (yes && force) return readRequest({ ...input, message: input.previous, previous: undefined, force });
    return undefined;
  }
  if (before.intent.kind !== "tool") return undefined;
  const { tool, args } = before.intent;
  // "yes" to a proposal: the card's Confirm applies it, a typed word never does
  if (/^(?:yes|yeah|yep|oui|ouais|ok|okay|sure|go ahead|vas-y|d'accord|confirm|confirme|valide)$/iu.test(text) && !isRead(tool)) {
    return { intent: { kind: "ask", key: "planner.use_card", params: {} }, reading: { intent: "follow_up", score: 1 }, delexicalized: text };
  }
  const found = input.odoo ? bestMentions(await findEntities(text, input.odoo, kindsFor(input.tools), input.meta)) : [];
  const numbers = findNumbers(text).filter((number) => number.kind === "number" && !number.article && !inside(number, found));
  const result = (intent: Intent): ReadResult => ({ intent, reading: { intent: "follow_up", score: 1 }, delexicalized: text });
  // "ajoute-en 2": more of the product just talked about
  if (/^(?:(?:ajoute|rajoute|mets|add)[- ]en\b|(?:add|ajoute|rajoute)\s+\S+\s+(?:more|de plus)\b)/iu.test(text) && numbers.length) {
    const more = numbers[0]!.value;
    if (tool === "create_quotation") {
      const lines = [...(args.lines as Record<string, unknown>[])];
      const last = lines.at(-1)!;
      lines[lines.length - 1] = { ...last, quantity: Number(last.quantity) + more };
      return result({ kind: "tool", tool, args: { ...args, lines } });
    }
    const product = (args.product ?? args.kit) as string | undefined;
    const quotation = found.find((mention) => mention.kind === "quotation")?.value;
    if (product && quotation) return result({ kind: "tool", tool: "update_quotation", args: { quotation, add: [{ product, quantity: more }] } });
    if (product) return result({ kind: "ask", key: "planner.ask_quotation", params: {} });
    return undefined;
  }
  // "and for Gemini Furniture?": the same request, for another record of a kind it names
  let changed = false;
  const next: Record<string, unknown> = { ...args };
  for (const mention of found) {
    const name = (ARGUMENT_OF[mention.kind] ?? []).find((argument) => argument in args);
    if (name) ((next[name] = mention.value), (changed = true));
    else if (mention.kind === "product" && Array.isArray(args.lines) && args.lines.length === 1) {
      next.lines = [{ ...(args.lines[0] as object), product: mention.value }];
      changed = true;
    }
  }
  return changed ? result({ kind: "tool", tool, args: next }) : undefined;
}

function withProject(intent: Intent, project: string | undefined): Intent {
  if (!project || intent.kind !== "tool" || !PROJECT_TOOLS.has(intent.tool) || intent.args.project) return intent;
  return { ...intent, args: { ...intent.args, project } };
}
const PROJECT_TOOLS = new Set(["project_summary", "ask_project", "list_tasks", "create_task", "log_project_note", "list_documents"]);

function isRead(tool: string): boolean {
  return catalog.find((entry) => entry.name === tool)?.risk === "read" || tool === "help";
}

/** The reading, said to the user: the tool's title with what was understood, or what it does. */
function describe(tool: string, slots: Slots): string {
  const entry = catalog.find((candidate) => candidate.name === tool);
  if (!entry) return tool;
  const args = (() => {
    try {
      const filled = fillOf(tool)?.(slots);
      return filled && !("ask" in filled) ? (filled as Record<string, unknown>) : ({} as Record<string, unknown>);
    } catch {
      return {};
    }
  })();
  const title = entry.presentation.title?.[slots.lang];
  if (title && /\{(\w+)\}/.test(title)) {
    const names = [...title.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
    if (names.every((name) => typeof args[name] === "string" && args[name])) return title.replace(/\{(\w+)\}/g, (_, name: string) => String(args[name]));
  }
  return entry.description[slots.lang].split(/\s*[(:;]|(?<=\.)\s/)[0]!.replace(/[.,]$/, "");
}

// --- Text -------------------------------------------------------------------------------------

/** Quotes, bullets and new lines made plain; greetings and thanks around the request taken off. */
export function clean(message: string): string {
  // an e-mail pasted in: its greeting line, and its sign-off and signature, are not the request
  const lines = message.replace(/\r/g, "").split("\n");
  const closing = lines.findIndex((line, index) => index > 0 && /^\s*(?:thanks|thank you|thx|many thanks|merci|cordialement|bien à vous|regards|best(?: regards)?|cheers|bonne journée|a\+|à bientôt)\b[^.?!]{0,30}[,.!]?\s*$/i.test(line));
  const kept = (closing > 0 ? lines.slice(0, closing) : lines).filter((line, index) => !(index === 0 && /^\s*(?:hi|hello|hey|dear \S+|bonjour|salut|coucou|bonsoir)[^.?!,]{0,20}[,!.]?\s*$/i.test(line) && lines.length > 1));
  let text = kept.join("\n")
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\r/g, "")
    .replace(/^\s*(?:[-*•·]|\d+[.)])\s+/gm, "")
    .replace(/\s*\n\s*/g, ", ")
    // what a dictation leaves in: "euh", "uh", "um"
    .replace(/(?<![\p{L}])(?:euh|heu|uh|um|umm|hum|bah|ben)(?![\p{L}])[,.]?/giu, " ")
    .replace(/\s+/g, " ")
    .trim();
  const openers = /^(?:(?:hi|hello|hey|bonjour|salut|coucou|bonsoir|good (?:morning|afternoon))(?:\s+(?:there|team|copilot))?\s*[,!.]*\s*|(?:please|pls|plz|s'il (?:te|vous) pla[iî]t|stp|svp|peux[- ]tu|pourrais[- ]tu|tu peux|tu pourrais|est-ce que tu peux|can you|could you|would you|could you please|can you please|i'd like you to|j'aimerais que tu)\s*[,!]?\s+|(?:i|we) (?:need|want|would like|'d like) to (?:know|check|see|find out)(?: if| whether)?\s+|(?:can|could) you (?:tell|show) me\s+|tell me\s+|j'aurais besoin de savoir(?: si)?\s+|je voudrais savoir(?: si)?\s+|j'aimerais savoir(?: si)?\s+|(?:dis|dites)[- ]moi(?: si)?\s+|(?:peux|pouvez)[- ](?:tu|vous) me dire(?: si)?\s+)+/i;
  const closers = /(?:[\s,.!?]*(?:thanks|thank you|thx|merci|please|pls|stp|svp|s'il (?:te|vous) pla[iî]t)(?:\s+(?:a lot|so much|beaucoup|d'avance|in advance|bien))?\s*[.!]*)+$/i;
  for (let i = 0; i < 3; i += 1) text = text.replace(openers, "").replace(closers, "").replace(/^[,\s]+|[,\s]+$/g, "");
  return text.replace(/\s*[?!.]+$/, "").trim();
}

const DATE_CUE = /\d\s*[/.-]\s*\d|(?<![\p{L}])(?:jan|feb|f[ée]v|mar|apr|avr|may|mai|jun|juin|jul|juil|aug|ao[ûu]t|sep|oct|nov|dec|d[ée]c|janvier|f[ée]vrier|mars|avril|juillet|septembre|octobre|novembre|d[ée]cembre|january|february|march|april|june|july|august|september|october|november|december|mon|tue|wed|thu|fri|sat|sun|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|tonight|yesterday|aujourd|demain|hier|next|prochaine?|dans|in \d|week|semaine|month|mois|end of|fin|midi|noon|tonight|ce soir|no[ëe]l|christmas)/iu;

/** Dates in French and English (chrono-node), as YYYY-MM-DD in the user's calendar. */
export function findDates(text: string, lang: Lang, today: string): DateMention[] {
  // most requests hold no date: chrono-node is asked only when one may be there
  if (!DATE_CUE.test(text)) return [];
  const own = endOfPeriod(text, today);
  const reference = new Date(`${today}T12:00:00`);
  const parsers = lang === "fr" ? [chrono.fr, chrono.en] : [chrono.en, chrono.fr];
  for (const parser of parsers) {
    const results = parser.parse(text, { instant: reference, timezone: undefined }, { forwardDate: true });
    // "1" or "3" alone is a quantity, not a day
    // a date has a month, a weekday, a relative word or a d/m form: "3" or "à 18" is a quantity or a price
    const dates = results.filter((result) => {
      // "vingt-sept", "trente et un": a number said in words, not the month of September
      if (/^(?:sept|mars|mai|huit)$/i.test(result.text.trim()) && /(?:vingt|trente|quarante|cinquante|soixante|dix|cent|mille)[-\s]+(?:et[-\s]+)?$/i.test(text.slice(0, result.index))) return false;
      const bare = result.text.trim().replace(/^(?:(?:à|a|at|le|on|the|au|for|pour|de|of|by|avant|before|due|from|to|in|dans|depuis|until|jusqu'au)\s+)+/iu, "");
      return /\d[/.-]\d|[\p{L}]{3,}/u.test(bare.replace(/\b(?:à|at|le|on|the|au|de|of|h|pm|am)\b/giu, ""));
    });
    if (dates.length) {
      const found = dates.map((result) => {
        const date = result.start.date();
        const iso = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
        // "next Friday", "vendredi prochain": the Friday to come (chrono reads next week's), as the
        // shape reader does (parseDate)
        const weekday = /^(?:next\s+\p{L}+|\p{L}+\s+prochain)$/iu.test(result.text.trim()) ? parseDate(result.text, today) : undefined;
        return { start: result.index, end: result.index + result.text.length, value: weekday ?? iso };
      });
      return [...own, ...found.filter((date) => !own.some((mine) => date.start < mine.end && mine.start < date.end))].sort((a, b) => a.start - b.start);
    }
  }
  return own;
}

/**
 * "End of next week", "fin de la semaine prochaine", "fin du mois": a deadline on the last working
 * day of the week (Friday), the last day of the month — not Saturday or the next Monday.
 */
function endOfPeriod(text: string, today: string): DateMention[] {
  const base = new Date(`${today}T12:00:00Z`);
  const pattern = /(?<![\p{L}])(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(next\s+)?(week|month)|(?:la\s+)?fin\s+(?:de\s+(?:la\s+|cette\s+)?|du\s+|de\s+ce\s+)?(semaine|mois)(\s+prochaine?)?)(?![\p{L}])/giu;
  const found: DateMention[] = [];
  const base2 = new Date(`${today}T12:00:00Z`);
  // "avant Noël" / "by Christmas": the 24th; "à Noël": the 25th
  for (const match of text.matchAll(/(?<![\p{L}])((?:avant|before|by|d'ici|pour)\s+)?(?:no[ëe]l|christmas)(?![\p{L}])/giu)) {
    found.push({ start: match.index, end: match.index + match[0].length, value: withYear(match[1] ? 24 : 25, 12, undefined, base2)! });
  }
  // "mid January", "mi-janvier", "à la mi-janvier": the 15th; "fin janvier", "end of January": its last day
  for (const match of text.matchAll(new RegExp(String.raw`(?<![\p{L}])(?:(mid|mi)[- ]?|(fin|end of)\s+(?:de\s+|d')?)(${MONTH})(?![\p{L}])`, "giu"))) {
    const month = months[match[3]!.toLowerCase()];
    if (!month) continue;
    const day = match[1] ? 15 : new Date(Date.UTC(2001, month, 0)).getUTCDate();
    const value = withYear(day, month, undefined, base2);
    if (value) found.push({ start: match.index, end: match.index + match[0].length, value });
  }
  // "le trois janvier", "quinze mars": a day in words
  for (const number of findNumbers(text)) {
    if (number.kind !== "number" || !Number.isInteger(number.value) || number.value < 1 || number.value > 31 || /\d/.test(text.slice(number.start, number.end))) continue;
    const month = new RegExp(String.raw`^\s+(?:de\s+|of\s+)?(${MONTH})(?![\p{L}])`, "iu").exec(text.slice(number.end));
    const value = month ? withYear(number.value, months[month[1]!.toLowerCase()]!, undefined, base2) : undefined;
    if (value) found.push({ start: number.start, end: number.end + month![0].length, value });
  }
  // "vendredi de la semaine prochaine", "Friday next week", "next week's Friday": that day of next week
  for (const match of text.matchAll(new RegExp(String.raw`(?<![\p{L}])(?:(${WEEKDAY})\s+(?:de\s+la\s+semaine\s+prochaine|next\s+week)|next\s+week'?s\s+(${WEEKDAY}))(?![\p{L}])`, "giu"))) {
    // Monday 0 … Sunday 6, counted from next week's Monday
    const offset = (weekdays[(match[1] ?? match[2])!.toLowerCase()]! + 6) % 7;
    const toNextMonday = ((8 - base.getUTCDay()) % 7) || 7;
    found.push({ start: match.index, end: match.index + match[0].length, value: new Date(base.getTime() + (toNextMonday + offset) * 86_400_000).toISOString().slice(0, 10) });
  }
  for (const match of text.matchAll(pattern)) {
    const next = Boolean(match[1] || match[4]);
    const week = /^(?:week|semaine)$/i.test(match[2] ?? match[3] ?? "");
    let value: Date;
    if (week) {
      const toFriday = (5 - base.getUTCDay() + 7) % 7;
      value = new Date(base.getTime() + (toFriday + (next ? 7 : 0)) * 86_400_000);
    } else {
      value = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth() + (next ? 2 : 1), 0));
    }
    found.push({ start: match.index, end: match.index + match[0].length, value: value.toISOString().slice(0, 10) });
  }
  return found;
}

/** The text with each entity, number and date replaced by its kind: what the classifier reads. */
function delexicalize(text: string, mentions: Mention[], numbers: NumberMention[], dates: DateMention[]): string {
  const spans: (Span & { word: string })[] = [
    ...mentions.map((mention) => ({ start: mention.start, end: mention.end, word: SLOT_WORD[mention.kind]! })),
    ...dates.map((date) => ({ ...date, word: SLOT_WORD.date! })),
    ...numbers.filter((number) => !number.article && !inside(number, dates)).map((number) => ({ start: number.start, end: number.end, word: SLOT_WORD[number.kind === "number" ? "number" : number.kind]! })),
  ].sort((a, b) => a.start - b.start);
  let out = "";
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    out += `${text.slice(at, span.start)}${span.word}`;
    at = span.end;
  }
  // what the user quotes is their own words: the classifier reads that something is quoted
  return (out + text.slice(at)).replace(/"[^"]*"|«[^»]*»|(?<![\p{L}])'[^']{3,}'/gu, (quoted) => (/^x[a-z]+$/.test(quoted.slice(1, -1).trim()) ? quoted.slice(1, -1) : "xquote")).toLowerCase();
}

// --- Arguments --------------------------------------------------------------------------------
