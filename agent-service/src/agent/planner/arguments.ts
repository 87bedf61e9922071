import type { Lang } from "../../i18n.js";
import { normalize } from "../../odoo/resolve.js";
import { findTool } from "../../tools/index.js";
import { MENTION_KINDS, sameWord, type Mention } from "./entities.js";
import type { NumberMention } from "./numbers.js";
import { quoteState, unquote, type Intent } from "./parse.js";
import { inside, type DateMention, type Span } from "./spans.js";

/**
 * The offline planner's argument readers: once the reader knows which tool a request asks for,
 * what stands next to what in the request becomes that tool's arguments (a quote's lines with
 * their quantities, discounts and prices; a task's title and deadline; a list's filters). A tool
 * whose arguments are all records the request names needs no reader here (`fillOf`).
 */

/** A warehouse named with the word: "in the warehouse WH2", "dans l'entrepôt de Lyon", "in the Chicago warehouse". */
const WAREHOUSE = /(?<![\p{L}])(?:in|at|from|dans|à|a|au|depuis)\s+(?:(?:the|l'|le|notre|our)\s*)?(?:warehouse|entrep[ôo]t|d[ée]p[ôo]t)\s+(?:(?:de|d'|of|du)\s*)?([\p{L}\p{N}][\p{L}\p{N}\- ]{0,40}?)\s*(?=[?.!,;]|$)|(?<![\p{L}])(?:in|at|from)\s+(?:the\s+)?([\p{L}\p{N}][\p{L}\p{N}\-]{0,30}(?:\s[\p{L}\p{N}\-]{1,30})?)\s+warehouse\b/iu;

export type Slots = {
  text: string;
  lang: Lang;
  today: string;
  /** Every mention found, overlapping or not. */
  all: Mention[];
  /** The mentions that do not overlap. */
  best: Mention[];
  numbers: NumberMention[];
  dates: DateMention[];
  legacy: Intent;
  project: string | undefined;
};
type Filled = Record<string, unknown> | { ask: string; params?: Record<string, string> } | undefined;

/** The best mention of a kind, preferring those the overall reading kept. */
function pick(slots: Slots, kind: Mention["kind"], avoid: Span[] = []): Mention | undefined {
  const rank = (m: Mention) => (m.end - m.start) * (m.whole ? 2 : 1) * (0.5 + m.score);
  avoid = [...avoid, ...slots.all.filter((m) => negated(slots, m))];
  const kept = slots.best.filter((mention) => mention.kind === kind && !inside(mention, avoid)).sort((a, b) => rank(b) - rank(a));
  if (kept.length) return kept[0];
  const others = slots.all.filter((mention) => mention.kind === kind && !inside(mention, avoid)).sort((a, b) => b.end - b.start - (a.end - a.start) || Number(b.whole) - Number(a.whole));
  return others[0];
}

/** The legacy reading's argument, when it read the same tool. */
function legacyArg(slots: Slots, tool: string, name: string): unknown {
  return slots.legacy.kind === "tool" && slots.legacy.tool === tool ? slots.legacy.args[name] : undefined;
}

const ME = /(?<![\p{L}])(?:me|moi|myself|mes|my|mine|i have|j'ai|je dois|assigned to me|assignées? à moi)(?![\p{L}])/iu;

/** "the last 5 quotations", "les 10 premières tâches", "top 3": how many to list. */
function limitOf(slots: Slots): { limit: number } | Record<string, never> {
  const number = slots.numbers.find((n) => n.kind === "number" && !n.article && Number.isInteger(n.value) && n.value >= 1 && n.value <= 100 && /(?:last|latest|first|top|derniers?|dernières?|premiers?|premières?|les|the)\s*$/i.test(slots.text.slice(Math.max(0, n.start - 12), n.start)));
  return number ? { limit: number.value } : {};
}

/** The arguments a declared tool takes from the request's entities, when all of its arguments are records. */
const ASK_FOR: Record<string, string> = { product: "planner.ask_product", project: "planner.ask_project", task: "planner.ask_task", quotation: "planner.ask_quotation", customer: "planner.ask_customer" };

/**
 * How a tool's arguments are read: its own reader below, or — for a tool whose arguments are all
 * records the request names (`get_partner {customer}`) — from its declaration: a new tool of that
 * shape needs nothing here. A required record not found is asked for.
 */
export function fillOf(name: string): ((slots: Slots) => Filled) | undefined {
  if (FILL[name]) return FILL[name];
  const tool = findTool(name);
  const shape = tool?.schema.shape as Record<string, { isOptional(): boolean }> | undefined;
  // the arguments naming a kind of record the planner finds in a request
  const records = Object.fromEntries(Object.entries(tool?.records ?? {}).filter((entry): entry is [string, Mention["kind"]] => (MENTION_KINDS as readonly string[]).includes(entry[1])));
  if (!shape || !Object.keys(shape).length) return undefined;
  const keys = Object.keys(shape);
  if (!keys.every((key) => records[key] || shape[key]!.isOptional())) return undefined;
  return (slots) => {
    const args: Record<string, unknown> = {};
    for (const key of keys.filter((candidate) => records[candidate])) {
      const mention = pick(slots, records[key]!);
      if (mention) args[key] = mention.value;
      else if (!shape[key]!.isOptional()) return { ask: ASK_FOR[records[key]!] ?? "planner.ask_product" };
    }
    return args;
  };
}

export const FILL: Record<string, (slots: Slots) => Filled> = {
  get_stock(slots) {
    const product = pick(slots, "product");
    const quantity = slots.numbers.find((number) => number.kind === "number" && !number.article && !inside(number, slots.dates))?.value;
    const name = product?.value ?? (legacyArg(slots, "get_stock", "product") as string | undefined);
    if (!name) return { ask: "planner.ask_product" };
    // "in the Chicago warehouse", "à l'entrepôt WH2": the tool finds it, or asks
    const warehouse = WAREHOUSE.exec(slots.text);
    // "how many left in WH?", "dispo à WH2": a warehouse's short code, in capitals, after "in"
    const code = warehouse ? undefined : /(?<![\p{L}])(?:in|at|from|dans|à|au|chez)\s+([A-Z][A-Z0-9]{1,4})(?=\s*[?.!,;]|\s*$)/u.exec(slots.text)?.[1];
    const place = (warehouse?.[1] ?? warehouse?.[2] ?? code)?.trim();
    return { product: name, ...(quantity && quantity >= 1 && quantity === Math.round(quantity) ? { quantity } : {}), ...(place ? { warehouse: place } : {}) };
  },
  create_quotation(slots) {
    // what follows "note:" is the note's text, not lines
    const noteAt = /(?<![\p{L}])(?:with the note|avec la note|en note|note|remarque|commentaire)\s*:/iu.exec(slots.text);
    if (noteAt) slots = { ...slots, all: slots.all.filter((m) => m.start < noteAt.index), best: slots.best.filter((m) => m.start < noteAt.index) };
    const products = productMentions(slots, []);
    const customerMention = pick(slots, "customer", products);
    const customer = customerMention?.value ?? (legacyArg(slots, "create_quotation", "customer") as string | undefined);
    let found = productMentions(slots, customerMention ? [customerMention] : []);
    let lines = quoteLines(slots, found);
    // "moving to a new floor … 6 Office Chairs": one word of a longer product name, with no quantity
    // of its own among lines that have one, is part of the story, not a line
    if (lines.some((line) => SAID_QUANTITY.has(line))) {
      const kept = found.map((mention, index) => mention.whole || mention.score >= 0.5 || SAID_QUANTITY.has(lines[index]!));
      found = found.filter((_, index) => kept[index]);
      lines = lines.filter((_, index) => kept[index]);
    }
    // a product the ERP does not know still makes a line: its resolver asks, nothing is dropped
    const legacyLines = (legacyArg(slots, "create_quotation", "lines") as { product: string; quantity: number }[] | undefined) ?? [];
    for (const line of legacyLines) {
      const words = normalize(line.product);
      if (customer && normalize(customer) === words) continue;
      // punctuation, or the rest of the sentence ("valid until…", "with the note…"), is not a product
      if (!/\p{L}{2}/u.test(line.product)) continue;
      if (/\d|%|€|\$|(?<![\p{L}])(?:with|avec|note|valable|valid|until|jusqu|remise|discount|off|each|pi[eè]ce|per|unit[ée]?|thanks?|merci|please|stp|svp|wait|no|non|nope|actually|rather|plut[ôo]t|instead|make it|mets[- ]en)(?![\p{L}])/iu.test(line.product)) continue;
      const bare = (value: string) => normalize(value).replace(/[^\p{L}\p{N}]+/gu, " ").trim();
      if (!found.some((mention) => bare(line.product).includes(bare(mention.text)) || bare(mention.text).includes(bare(line.product)))) lines.push(line);
    }
    if (!customer) return { ask: "quote.ask_customer" };
    if (!lines.length) return { ask: "quote.ask_lines", params: { customer } };
    // "des Office Lamp", "some Office Lamp": how many is not said, and not guessed
    if (found.some((mention, index) => lines[index]?.quantity === 1 && /(?<![\p{L}])(?:des|some|quelques|plusieurs|several|few|du)\s+$/iu.test(slots.text.slice(Math.max(0, mention.start - 12), mention.start)))) {
      return { ask: "quote.ask_lines", params: { customer } };
    }
    const note = /(?<![\p{L}])(?:note|notes|remarque|comment|commentaire|mention)\s*(?::\s*)?["«]\s*([^"»]+?)\s*["»]/iu.exec(slots.text)?.[1] ?? /(?<![\p{L}])(?:en note|in the note|as a note|note|remarque|commentaire)\s*:\s*([^"«»]{3,})$/iu.exec(slots.text)?.[1]?.trim();
    return { customer, lines, ...(note ? { note } : {}), ...validityOf(slots) };
  },
  list_quotations(slots) {
    const customer = pick(slots, "customer")?.value ?? (legacyArg(slots, "list_quotations", "customer") as string | undefined);
    const state = quoteState(slots.text);
    const sale = /(?<![\p{L}])(?:devis|quotes?|quotations?|offres?)(?![\p{L}])/iu.test(slots.text);
    const notSent = /(?:(?<![\p{L}])not|n't|(?<![\p{L}])never|pas(?: encore)?|jamais)\s+(?:(?:been|yet|encore|été)\s+)*(?:sent|envoy)/iu.test(slots.text);
    const open = /(?<![\p{L}])(?:open|ouverts?|ouvertes?|en cours|pending|en attente|in progress|active)(?![\p{L}])/iu.test(slots.text);
    const wanted = notSent ? "draft" : state ?? (open ? "open" : undefined);
    return { ...(customer ? { customer } : {}), ...(wanted && !(wanted === "sale" && sale) ? { state: wanted } : {}), ...limitOf(slots) };
  },
  get_quotation: (slots) => quotationArg(slots),
  confirm_quotation: (slots) => quotationArg(slots),
  send_quotation: (slots) => quotationArg(slots),
  update_quotation(slots) {
    const quotation = quotationArg(slots);
    if ("ask" in quotation) return quotation;
    const add: Record<string, unknown>[] = [];
    const remove: string[] = [];
    const change: Record<string, unknown>[] = [];
    const REMOVE = /(?<![\p{L}])(?:remove|delete|take out|take\s.*\soff|drop|retire[rz]?|enl[eè]ve[rz]?|supprime[rz]?|[ôo]te[rz]?|vire[rz]?|(?:don'?t|do not|doesn'?t|does not|no longer)\s+(?:want|need)|(?:ne\s+)?(?:veu(?:len)?t|voulons|souhaite(?:nt)?)\s+plus|n'en\s+(?:veu(?:len)?t|souhaite(?:nt)?)\s+plus|plus\s+besoin)(?![\p{L}])/iu;
    const ADD = /(?<![\p{L}])(?:add|adds|include|plus|ajoute[rz]?|rajoute[rz]?|inclu[st]|inclure)(?![\p{L}])/iu;
    const CHANGE = /(?<![\p{L}])(?:change|set|update|make|modify|give|passe[rz]?|modifie[rz]?|mets|augmente[rz]?|baisse[rz]?|r[ée]duis|applique[rz]?|accorde[rz]?|fais)(?![\p{L}])/iu;
    // the verb of the whole request holds for the lines that have none ("modifie S00001 : - X : 8")
    const overall = REMOVE.test(slots.text.split(/[,:]/)[0] ?? "") ? "remove" : ADD.test(slots.text.split(/[,:]/)[0] ?? "") ? "add" : "change";
    const products = productMentions(slots, []);
    let offset = 0;
    for (const segment of slots.text.split(/\s*(?:,|;|\bpuis\b|\bthen\b|\bet\b|\band\b)\s*/i)) {
      const start = slots.text.indexOf(segment, offset);
      const end = start + segment.length;
      offset = end;
      const mine = products.filter((m) => m.start >= start && m.end <= end);
      if (!mine.length) continue;
      const scope = { ...slots, numbers: slots.numbers.filter((n) => n.start >= start && n.end <= end) };
      // "drop the lamp price to 380", "baisse le prix des lampes à 35": a new price, nothing removed
      const repriced = /(?<![\p{L}])(?:price|prix|tarif|rate)(?![\p{L}])/iu.test(segment) && /(?<![\p{L}])(?:to|at|à|a)\s*[$€£]?\s*\d/iu.test(segment);
      const verb = repriced ? "change" : REMOVE.test(segment) ? "remove" : ADD.test(segment) ? "add" : CHANGE.test(segment) ? "change" : overall;
      if (verb === "remove") {
        remove.push(...mine.map((m) => m.value));
        continue;
      }
      const [line] = quoteLines(scope, mine.slice(0, 1));
      const percent = scope.numbers.find((n) => n.kind === "percent");
      const amount =
        scope.numbers.find((n) => n.kind === "amount") ??
        scope.numbers.find((n) => n.kind === "number" && /^\s*(?:€|eur|euros?|\$)?\s*(?:per unit|each|apiece|la pi[eè]ce|pi[eè]ce|l'unit[ée]|par unit[ée]|chacune?)(?![\p{L}])/iu.test(slots.text.slice(n.end, n.end + 24))) ??
        // "the lamp price at 35", "le prix des lampes à 35"
        scope.numbers.find((n) => n.kind === "number" && /(?:price|prix|tarif|rate)(?:\s+(?:unitaire|per unit))?\s*(?:\S+\s+){0,3}?(?:at|to|of|à|a|de|:|=)\s*$/iu.test(slots.text.slice(Math.max(start, n.start - 40), n.start)));
      const target = [...scope.numbers].reverse().find((n) => n.kind === "number" && n !== amount && n.start > mine[0]!.end);
      if (verb === "add") {
        const lines = quoteLines(scope, mine);
        // "rajoute des Storage Box", "add some lamps": how many is not said, and not guessed
        const vague = mine.find((mention, index) => !SAID_QUANTITY.has(lines[index]!) && /(?<![\p{L}])(?:des|some|quelques|plusieurs|several|few|more|du|de la|d')\s*$/iu.test(slots.text.slice(Math.max(0, mention.start - 12), mention.start)));
        if (vague) return { ask: "quote.ask_quantity", params: { product: vague.value } };
        add.push(...lines);
      }
      else {
        const what: Record<string, unknown> = { product: mine[0]!.value };
        if (percent) what.discount = percent.value;
        if (amount) what.price_unit = amount.value;
        if (target && !percent && !amount) what.quantity = target.value;
        else if (!percent && !amount && line && line.quantity !== 1) what.quantity = line.quantity;
        if (Object.keys(what).length > 1) change.push(what);
      }
    }
    if (!add.length && !remove.length && !change.length) return undefined;
    return { ...quotation, ...(add.length ? { add } : {}), ...(remove.length ? { remove } : {}), ...(change.length ? { change } : {}) };
  },
  search_customers(slots) {
    const email = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(slots.text)?.[0];
    if (email) return { query: email };
    // "with 'ready' in the name", "dont le nom contient « bois »": what is quoted or named is the query
    const inName = /(?<![\p{L}])(?:with|avec)\s+(\S{2,40})\s+(?:in|dans)\s+(?:the|their|its|le|leur)\s+(?:name|nom)(?![\p{L}])|(?:name contains|nom contient|containing|contenant)\s+(\S{2,40})/iu.exec(slots.text);
    const named = (quotedText(slots.text) ?? inName?.[1] ?? inName?.[2])?.replace(/[?.!,;]+$/u, "").trim();
    if (named) return { query: named };
    const customer = pick(slots, "customer");
    const query = customer?.text ?? (legacyArg(slots, "search_customers", "query") as string | undefined) ?? rest(slots, /(?:find|search(?: for)?|look(?: ?up| for)|cherche[rz]?|recherche[rz]?|trouve[rz]?|retrouve[rz]?|(?:the |le |la |les |un |une )?(?:customers?|clients?|clientes?|contacts?|companies|company|soci[ée]t[ée]s?|partners?|partenaires?)|named|called|nomm[ée]e?s?|appel[ée]e?s?|who is|qui est)/giu);
    return query ? { query } : undefined;
  },
  search_products(slots) {
    const quoted = quotedText(slots.text);
    if (quoted) return { query: quoted, ...limitOf(slots) };
    // "with reference E-COM", "dont la référence commence par FURN": the reference typed
    const reference = /(?:with|avec|de|dont la)?\s*(?:ref(?:erence)?|r[ée]f[ée]rence|r[ée]f\.?|code)\s*(?:starting with|beginning with|commen[çc]ant par|commence par|is|est|:)?\s*([A-Z][A-Z0-9_-]{1,20})/u.exec(slots.text)?.[1];
    if (reference) return { query: reference, ...limitOf(slots) };
    const product = pick(slots, "product");
    const query = product?.text ?? (legacyArg(slots, "search_products", "query") as string | undefined) ?? rest(slots, /(?:find|search(?: for)?|look(?: ?up| for)|cherche[rz]?|recherche[rz]?|trouve[rz]?|(?:the |le |les |un |des )?(?:products?|produits?|articles?|items?)|named|called|matching|containing|contenant|nomm[ée]s?|what is|c'est quoi)/giu);
    return query ? { query, ...limitOf(slots) } : undefined;
  },
  list_projects(slots) {
    const closed = /(?<![\p{L}])(?:termin[ée]s?|finis|done|completed|closed|finished|clos|cl[ôo]tur[ée]s?|ferm[ée]s?|archiv[ée]s?)(?![\p{L}])/iu.test(slots.text);
    const also = /(?<![\p{L}])(?:too|also|as well|including|included|aussi|compris|même|all|tous)(?![\p{L}])/iu.test(slots.text);
    const mine = /(?<![\p{L}])(?:my|mes|mine|i manage|i'm in charge|am i|i am|i'm|je suis responsable|je g[èe]re|dont je|o[ùu] je|sur lesquels je)(?![\p{L}])/iu.test(slots.text);
    return { ...(closed ? { state: also ? "all" : "done" } : {}), ...(mine ? { mine: true } : {}), ...limitOf(slots) };
  },
  project_summary: (slots) => projectArg(slots, "project_summary"),
  list_documents: (slots) => projectArg(slots, "list_documents"),
  ask_project(slots) {
    const project = projectArg(slots, "ask_project");
    if ("ask" in project) return project;
    const mention = pick(slots, "project");
    const question = (mention ? slots.text.slice(0, mention.start) + slots.text.slice(mention.end) : slots.text)
      .replace(/\s+(?:in|on|for|dans|sur|pour|du|au)\s+(?:the\s+|le\s+)?(?:projet|project)?\s*(?=[,?]|$)/i, "")
      .replace(/^(?:(?:in|on|for|dans|sur|pour)\s+(?:the\s+|le\s+)?(?:projet|project)?\s*,?\s*)/i, "")
      .replace(/\s+/g, " ")
      .trim();
    // "Office Design: what did…": the project's colon is not the question's
    return { ...project, question: unquote(question.replace(/^[\s:,;–—-]+/u, "")) || slots.text };
  },
  list_tasks(slots) {
    const args: Record<string, unknown> = {};
    const project = pick(slots, "project") ?? undefined;
    const user = pick(slots, "user", project ? [project] : []);
    if (project) args.project = project.value;
    else if (legacyArg(slots, "list_tasks", "project") && !user) args.project = legacyArg(slots, "list_tasks", "project");
    if (user) args.assignee = user.value;
    else if (ME.test(slots.text)) args.assignee = "me";
    if (/(?<![\p{L}])(?:en retard|overdue|late|past due|d[ée]pass[ée]e?s?|retard)(?![\p{L}])/iu.test(slots.text)) args.overdue = true;
    if (/(?<![\p{L}])(?:toutes|all|même fermées|including closed|termin[ée]es|closed|fermées)(?![\p{L}])/iu.test(slots.text) && !/\b(?:open|ouvertes?)\b/i.test(slots.text)) args.open_only = false;
    return { ...args, ...limitOf(slots) };
  },
  get_task(slots) {
    const task = pick(slots, "task");
    const name = task?.value ?? (legacyArg(slots, "get_task", "task") as string | undefined);
    return name ? { task: name } : { ask: "planner.ask_task" };
  },
  create_task(slots) {
    // "— description: check paint…": the rest is the task's description, not its title
    const described = /[\s,;–—-]*(?<![\p{L}])(?:description|desc|d[ée]tails?|notes?)\s*:\s*(.{3,})$/iu.exec(slots.text);
    if (described) slots = { ...slots, text: slots.text.slice(0, described.index), all: slots.all.filter((m) => m.end <= described.index), best: slots.best.filter((m) => m.end <= described.index), dates: slots.dates.filter((d) => d.end <= described.index) };
    const project = pick(slots, "project");
    const user = pick(slots, "user", project ? [project] : []);
    const date = deadlineOf(slots);
    const args: Record<string, unknown> = {};
    const legacyProject = legacyArg(slots, "create_task", "project") as string | undefined;
    args.project = project?.value ?? legacyProject ?? slots.project ?? "";
    if (!args.project) return { ask: "planner.ask_project" };
    const title = taskTitle(slots, [project, user, date].filter(Boolean) as Span[]) ?? (legacyArg(slots, "create_task", "title") as string | undefined);
    if (!title) return { ask: "planner.ask_title" };
    args.title = title;
    if (date) args.deadline = date.value;
    if (described) args.description = described[1]!.trim();
    if (user) args.assignee = user.value;
    else if (/(?<![\p{L}])(?:pour moi|for me|assign(?:ed)?(?: it)? to me|assignée? à moi|à m'assigner|m'assigner|assigne[- ]moi|assignée? a moi|a moi|to myself|assign it to me|assign to me)(?![\p{L}])/iu.test(slots.text)) args.assignee = "me";
    return args;
  },
  update_task(slots) {
    const task = pick(slots, "task");
    const name = task?.value ?? (legacyArg(slots, "update_task", "task") as string | undefined);
    if (!name) return { ask: "planner.ask_task" };
    const after = task ? slots.text.slice(task.end) : slots.text;
    const args: Record<string, unknown> = { task: name };
    const user = pick(slots, "user", task ? [task] : []);
    const date = deadlineOf(slots, task ? [task] : []);
    const stage = stageOf(after) ?? stageOf(slots.text);
    if (stage) args.stage = stage;
    const project = pick(slots, "project", task ? [task] : []);
    if (project) args.project = project.value;
    if (/(?<![\p{L}])(?:i'll take|i will take|i take|let me take|je prends|je m'en occupe|je m'occupe de|je me charge de|je la prends)(?![\p{L}])/iu.test(slots.text)) args.assignee = "me";
    if (/(?<![\p{L}])(?:assign|assigne[rz]?|attribue[rz]?|give|donne[rz]?|confie[rz]?|hand|reassign|r[ée]assigne[rz]?|put|mets)(?![\p{L}])/iu.test(slots.text)) {
      if (user) args.assignee = user.value;
      else if (/(?<![\p{L}])(?:me|moi|myself)(?![\p{L}])|-moi\b/iu.test(slots.text)) args.assignee = "me";
    }
    if (date) args.deadline = date.value;
    if (!args.stage && !args.assignee && !args.deadline) {
      const legacy = slots.legacy.kind === "tool" && slots.legacy.tool === "update_task" ? slots.legacy.args : undefined;
      if (legacy) return { ...legacy, task: name };
      return { ask: "planner.ask_change", params: { task: name } };
    }
    return args;
  },
  log_project_note(slots) {
    const project = projectArg(slots, "log_project_note");
    if ("ask" in project) return project;
    const mention = pick(slots, "project");
    const body = noteBody(slots, mention) ?? (legacyArg(slots, "log_project_note", "body") as string | undefined);
    return body ? { ...project, body } : undefined;
  },
  show_kit(slots) {
    const product = pick(slots, "product");
    const kit = product?.value ?? (legacyArg(slots, "show_kit", "kit") as string | undefined);
    return kit ? { kit } : { ask: "planner.ask_product" };
  },
  export_pdf(slots) {
    const project = pick(slots, "project");
    return { target: project?.value ?? (legacyArg(slots, "export_pdf", "target") as string | undefined) ?? "conversation" };
  },
  undo(slots) {
    return { action: (legacyArg(slots, "undo", "action") as string | undefined) ?? /\b(act_[\w-]+)/.exec(slots.text)?.[1] ?? "last" };
  },
  remember(slots) {
    // what the user quotes is the fact, whole ('Remember this: "I always give Deco Addict 5%"')
    const quoted = /["«“]\s*([^"»”]{3,})\s*["»”]/u.exec(slots.text)?.[1];
    const fact = quoted ?? (legacyArg(slots, "remember", "fact") as string | undefined) ?? /(?:that|que|qu'|:)\s*(.{3,})$/i.exec(slots.text)?.[1];
    return fact ? { fact: fact.trim() } : undefined;
  },
  forget(slots) {
    const fact = (legacyArg(slots, "forget", "fact") as string | undefined) ?? /(?:that|que|qu'|about|sur|:)\s*(.{2,})$/i.exec(slots.text)?.[1];
    // "the thing about the Gemini discount", "ce que je t'ai dit sur mon entrepôt": what it is about
    const about = fact
      ?.trim()
      .replace(/^(?:(?:the|that|this)\s+(?:thing|stuff|bit|part)s?\s+(?:about|on|regarding)|what\s+I\s+(?:said|told you|mentioned)\s+(?:about|on|regarding)|(?:le|ce)\s+(?:truc|point)\s+(?:sur|à propos d[eu]|concernant)|ce\s+que\s+je\s+(?:t'ai|vous ai)\s+dit\s+(?:sur|à propos d[eu]|concernant))\s+/iu, "")
      .replace(/^(?:the|my|our|le|la|les|l'|mon|ma|mes|notre|nos)\s*(?=\S)/iu, "")
      .trim();
    return about ? { fact: about } : undefined;
  },
  list_tickets: (slots) => mappedArgs(slots, "list_tickets"),
  list_installations: (slots) => mappedArgs(slots, "list_installations"),
};

/** The date said with "deadline", "due", "avant", "pour le"…; else the only date. */
function deadlineOf(slots: Slots, avoid: Span[] = []): DateMention | undefined {
  const dates = slots.dates.filter((d) => !inside(d, avoid));
  return dates.find((d) => /(?:deadline|due|by|before|until|avant|pour le|d'ici|échéance|echeance|date limite|is|est)\s*(?:is|est|:|le|on|the)?\s*$/i.test(slots.text.slice(Math.max(0, d.start - 24), d.start))) ?? (dates.length === 1 ? dates[0] : dates.at(-1));
}

function validityOf(slots: Slots): { validity_date?: string } {
  const validity = /(?<![\p{L}])(?:valid|valable|expires?|expire|validit[ée])(?![\p{L}])/iu.test(slots.text) ? slots.dates[0]?.value : undefined;
  return validity ? { validity_date: validity } : {};
}

function mappedArgs(slots: Slots, tool: string): Filled {
  const legacy = slots.legacy.kind === "tool" && slots.legacy.tool === tool ? slots.legacy.args : {};
  const project = pick(slots, "project");
  const customer = pick(slots, "customer");
  return { ...legacy, ...(project ? { project: project.value } : customer ? { customer: customer.value } : {}) };
}

function quotationArg(slots: Slots): { quotation: string } | { ask: string } {
  const mention = slots.all.find((m) => m.kind === "quotation");
  return mention ? { quotation: mention.value } : { ask: "planner.ask_quotation" };
}

function projectArg(slots: Slots, tool: string): { project: string } | { ask: string } {
  const project = pick(slots, "project")?.value ?? (legacyArg(slots, tool, "project") as string | undefined) ?? slots.project;
  return project ? { project } : { ask: "planner.ask_project" };
}

/** Product mentions that do not overlap one another nor `avoid`, longest and whole names first. */
/** "pas le Drawer Black", "not the black one": what the user rules out is not what they ask for. */
function negated(slots: Slots, mention: Span): boolean {
  return /(?:(?<![\p{L}])(?:pas|not|sans|except|sauf|hors|no)\s+(?:the|le|la|les|de|des|du|d')?\s*)$/iu.test(slots.text.slice(Math.max(0, mention.start - 14), mention.start));
}

function productMentions(slots: Slots, avoid: Span[]): Mention[] {
  const chosen: Mention[] = [];
  const candidates = slots.all
    .filter((m) => m.kind === "product" && !inside(m, avoid) && !negated(slots, m))
    // a span the overall reading gave to another kind (a customer) is not a product
    .filter((m) => !slots.best.some((b) => b.kind !== "product" && b.kind !== "quotation" && inside(m, [b]) && b.end - b.start > m.end - m.start))
    .sort((a, b) => b.end - b.start - (a.end - a.start) || Number(b.whole) - Number(a.whole) || b.score - a.score);
  for (const mention of candidates) if (!inside(mention, chosen)) chosen.push(mention);
  // "12 chairs ref E-COM13": the words and the reference are one product, the reference decides
  for (const reference of chosen.filter((m) => m.whole && m.text === m.value && /\d/.test(m.text))) {
    // "Drawer (FURN_8855)": a whole name with its reference in brackets is one product too
    const words = chosen.find((m) => m !== reference && m.end <= reference.start && (!m.whole ? /^\s*(?:ref\.?|réf\.?|reference|référence|\(|:|-)?\s*$/i : /^\s*\(\s*(?:ref\.?|réf\.?)?\s*$/i).test(slots.text.slice(m.end, reference.start)));
    if (words) {
      chosen.splice(chosen.indexOf(words), 1);
      chosen.splice(chosen.indexOf(reference), 1, { ...reference, start: words.start });
    }
  }
  // "10% off the desks" after "2 Desk Combination": the words of a line already named, not a new line
  const named = chosen.filter((m) => m.whole).map((m) => normalize(m.value));
  // ("deux canapés Three-Seat Sofa": the words in the other language too, "canapés" being "sofa")
  const within = (words: string, name: string) => normalize(words).split(" ").every((word) => name.split(" ").some((other) => sameWord(word, other)));
  const covers = (m: Mention, name: string) => within(m.text, name) || (m.value !== m.text && within(m.value, name));
  // "deux canapés Three-Seat Sofa", "3 chairs Office Chair": the kind, then the name, are one product
  for (const kind of chosen.filter((m) => !m.whole).sort((a, b) => a.start - b.start)) {
    const name = chosen.find((m) => m.whole && m.start >= kind.end && /^\s*$/.test(slots.text.slice(kind.end, m.start)) && covers(kind, normalize(m.value)));
    if (name) chosen.splice(chosen.indexOf(name), 1, { ...name, start: kind.start });
  }
  return chosen.filter((m) => m.whole || !named.some((name) => covers(m, name))).sort((a, b) => a.start - b.start);
}

/** What the user quotes, in double, French or single quotes ('desk', not the apostrophe of "l'entrepôt"). */
function quotedText(text: string): string | undefined {
  const quoted = /["«“]\s*([^"»”]{2,60}?)\s*["»”]|(?<![\p{L}])'([^']{2,60})'(?![\p{L}])/u.exec(text);
  return (quoted?.[1] ?? quoted?.[2])?.trim();
}

/** What a quantity counts, said between it and the product ("3 pièces de", "30 h de", "8 hours"). */
const COUNT_UNITS = String.raw`(?:units?|unités?|unites?|pièces?|pieces?|pcs|pc|exemplaires?|boxes|boîtes|h|hrs?|hours?|heures?|days?|jours?|j)`;

/** Lines whose quantity the user said (the others have 1 by default). */
const SAID_QUANTITY = new WeakSet<Record<string, unknown>>();

/** Each product with the quantity, discount and unit price that stand next to it. */
function quoteLines(slots: Slots, products: Mention[]): Record<string, unknown>[] {
  const { text } = slots;
  const numbers = slots.numbers.filter((n) => !inside(n, products) && !inside(n, slots.dates));
  const used = new Set<NumberMention>();
  const lines = products.map((product, index) => {
    const previousEnd = index ? products[index - 1]!.end : 0;
    const nextStart = index + 1 < products.length ? products[index + 1]!.start : text.length;
    const line: Record<string, unknown> = { product: product.value, quantity: 1 };
    // "Office Chair x 3", "Office Chair: 3", "Office Chair (3)"
    const after = numbers.find((n) => n.kind === "number" && !used.has(n) && n.start >= product.end && n.end <= nextStart && (/^\s*\(\s*$/.test(text.slice(product.end, n.start)) && /^\s*\)/.test(text.slice(n.end)) || /^(?:\s*(?:x|×|\*|:|=)?\s*|[\s,]*(?:qty|qté|quantité|quantity)\s*[:=]?\s*)$/i.test(text.slice(product.end, n.start)) && endsLine(text, product.end, n, nextStart)));
    // "3 Office Chair", "3x Office Chair", "a dozen Office Chair", "deux unités de Office Chair"
    const before = [...numbers]
      .reverse()
      .find((n) => n.kind === "number" && !used.has(n) && n.end <= product.start && n.start >= previousEnd && new RegExp(String.raw`^\s*(?:x|×|\*)?\s*(?:${COUNT_UNITS}\s+)?(?:(?:of|de|du|des)\s+|d')?(?:(?:the|le|la|les)\s+)?$`, "iu").test(text.slice(n.end, product.start)));
    const quantity = after ?? before;
    if (quantity) {
      used.add(quantity);
      line.quantity = quantity.value;
      SAID_QUANTITY.add(line);
    }
    // a discount or a price in the product's own stretch of text, before the next product's quantity
    const stretchEnd = (() => {
      const next = products[index + 1];
      if (!next) return text.length;
      const nextQuantity = [...numbers].reverse().find((n) => n.kind === "number" && n.end <= next.start && n.start >= product.end && !used.has(n));
      return nextQuantity && /^\s*(?:x|×|\*)?\s*(?:(?:of|de|du|des)\s+|d')?$/i.test(text.slice(nextQuantity.end, next.start)) ? nextQuantity.start : next.start;
    })();
    for (const n of numbers) {
      if (used.has(n) || n.start < product.end || n.end > stretchEnd) continue;
      if (n.kind === "percent") ((line.discount = n.value), used.add(n));
      else if (n.kind === "amount") ((line.price_unit = n.value), used.add(n));
      else if (n.kind === "number" && n !== quantity && !n.article && (/(?:\bat|à|\ba|@|\bfor|pour|prix(?: unitaire)?(?: de)?|price(?: of)?)\s*$/i.test(text.slice(Math.max(product.end, n.start - 24), n.start)) || /^\s*(?:€|eur|euros?|\$|dollars?)?\s*(?:per unit|each|apiece|ea|la pi[eè]ce|pi[eè]ce|l'unit[ée]|par unit[ée]|chacune?|\/u(?:nit)?)(?![\p{L}])/iu.test(text.slice(n.end, n.end + 24)))) {
        ((line.price_unit = n.value), used.add(n));
      }
    }
    // ("4 office chair, wait no, make it 6": corrected before the lines are read, see `corrected`)
    return line;
  });
  // "5% off on both", "10 % sur tout": a discount for every line
  for (const n of numbers.filter((candidate) => candidate.kind === "percent")) {
    if (/^\s*(?:off|discount|de remise|de réduction)?\s*(?:on|sur|for|pour|to|à)?\s*(?:both|all|everything|each|tout|tous|toutes|les deux|l'ensemble|chaque ligne)(?![\p{L}])/iu.test(text.slice(n.end, n.end + 30))) {
      for (const line of lines) line.discount = n.value;
    }
  }
  // "5% off the chairs", "10 % sur les bureaux": a discount named for a line goes to that line
  for (const n of numbers.filter((candidate) => candidate.kind === "percent")) {
    const named = slotsProducts(slots).find((m) => m.start >= n.end && m.start - n.end <= 30 && /^\s*(?:off|discount|de remise|de réduction|remise)?\s*(?:on|sur|pour|for|to)?\s*(?:the|les|le|la|des|all)?\s*$/i.test(text.slice(n.end, m.start)));
    if (!named) continue;
    const target = lines.find((line, index) => normalize(named.text).split(" ").every((word) => normalize(String(products[index]?.value ?? line.product)).split(" ").some((other) => sameWord(word, other))));
    if (!target) continue;
    for (const line of lines) if (line.discount === n.value && line !== target) delete line.discount;
    target.discount = n.value;
  }
  return lines;
}

/**
 * Whether a number right after a product is that product's quantity: after "x", ":" or "=" when
 * its line ends there; bare ("desk pad 20 monitor stand") only before a separator or the end —
 * otherwise it is the next product's.
 */
function endsLine(text: string, productEnd: number, n: NumberMention, nextStart: number): boolean {
  // what the line says of its price after the quantity ("x 2 (-10%)", "x 6 -10%", "8 h à 70 €") is still the line
  const rest = text.slice(n.end, nextStart).replace(/^[^\S\n]*\(?[^\S\n]*[-–]?[^\S\n]*\d+(?:[.,]\d+)?[^\S\n]*(?:%|€|\$|eur(?:os?)?)[^\S\n]*(?:off|de remise|remise|discount)?[^\S\n]*\)?/iu, "");
  // a new line, a bullet, a comma, "and", or the unit of the quantity ("8 hours and…") ends the line
  const separator = new RegExp(String.raw`^[^\S\n]*\)?[^\S\n]*(?:\n|[,;•·+]|(?<![\p{L}])(?:et|and|plus|${COUNT_UNITS})(?![\p{L}]))`, "iu").test(rest);
  if (/^\s*(?:x|×|\*|:|=)\s*$/i.test(text.slice(productEnd, n.start))) return separator || /^\s*\)?\s*$/.test(rest);
  return separator || (nextStart >= text.length && /^\s*\)?\s*$/.test(rest));
}

/** Every product mention, whole or not (a line's words said again: "the chairs"). */
function slotsProducts(slots: Slots): Mention[] {
  return slots.all.filter((m) => m.kind === "product").sort((a, b) => a.start - b.start);
}

/** What is left of the text once `pattern` (the request's words) is taken out. */
function rest(slots: Slots, pattern: RegExp): string | undefined {
  const left = unquote(slots.text.replace(pattern, " ").replace(/\s+/g, " ").trim());
  return left || undefined;
}

const STAGES: [RegExp, string][] = [
  [/(?<![\p{L}])(?:done|fait|faite|termin[ée]e?|finished|finie?|complete|completed|closed|cl[ôo]tur[ée]e?|achev[ée]e?)(?![\p{L}])/iu, "Done"],
  [/(?<![\p{L}])(?:in progress|en cours|started|commenc[ée]e?|ongoing|wip)(?![\p{L}])/iu, "In Progress"],
  [/(?<![\p{L}])(?:cancell?ed|annul[ée]e?)(?![\p{L}])/iu, "Cancelled"],
];

function stageOf(text: string): string | undefined {
  const named = /(?:\bto|\binto|\ben|\bdans|\bvers|\bà)\s+(?:(?:the\s+)?(?:stage|column)\s+|l'[ée]tape\s+|la colonne\s+|le statut\s+)["«']?([\p{L}][\p{L} '-]{1,30}?)["»']?$/iu.exec(text);
  for (const [pattern, stage] of STAGES) if (pattern.test(text)) return stage;
  if (named && !/^(?:me|moi|him|her|lui)$/i.test(named[1]!)) return named[1]!.trim();
  return undefined;
}

/** A new task's title: quoted, after a colon or "title:", or what remains once the rest is read. */
function taskTitle(slots: Slots, taken: Span[]): string | undefined {
  const { text } = slots;
  const field = /(?:title|titre|intitulé)\s*:\s*([^,]+)/i.exec(text);
  if (field) return field[1]!.trim();
  const quoted = /["«]\s*([^"»]+?)\s*["»]|(?<![\p{L}])'([^']{3,})'/u.exec(text);
  if (quoted) return (quoted[1] ?? quoted[2])!.trim();
  const colon = text.indexOf(":");
  if (colon >= 0 && !taken.some((span) => span.start > colon)) return cutTrailing(text.slice(colon + 1));
  if (colon >= 0) {
    const after = text.slice(colon + 1);
    const stripped = stripSpans(after, taken.map((span) => ({ start: span.start - colon - 1, end: span.end - colon - 1 })));
    if (stripped) return cutTrailing(stripped);
  }
  let left = cutTrailing(stripSpans(text, taken));
  left = left
    .replace(/^(?:(?:create|add|make|new|open|log|crée[rz]?|cr[ée]{1,2}[rz]?|ajoute[rz]?|nouvelle|ouvre)(?:-moi)?\s+(?:an?|une?|la|the|new|nouvelle)?\s*(?:new\s+|nouvelle\s+)?(?:task|tâche|tache|to-?do)\s*)/i, "")
    .replace(/^(?:remind|ask|demande[rz]?|rappelle[rz]?)\s+(?:à\s+)?/i, "")
    .replace(/(?:^|\s)(?:in|for|on|to|dans|pour|sur|au|à)\s+(?:the\s+|le\s+|la\s+)?(?:project|projet)?\s*(?=\s|$|,)/gi, " ")
    .replace(/(?:^|\s)(?:due|by|before|avant|d'ici|pour le|for|le|on)\s*(?=\s|$|,)/gi, " ")
    .replace(/^(?:to|de|d'|called|named|nommée|appelée)\s+/i, "")
    .replace(/\s+/g, " ")
    .replace(/^[\s,:-]+|[\s,:-]+$/g, "");
  return left ? unquote(left) : undefined;
}

function cutTrailing(title: string): string {
  // "appeler le fournisseur, pour Marc, échéance 20/01" → the first part; a later part that starts
  // with who or when is not the title
  const parts = title.split(/\s*,\s*/);
  const kept = [parts[0]!];
  for (const part of parts.slice(1)) {
    if (/^(?:pour|for|to|due|by|before|avant|échéance|echeance|deadline|assign|assigné|assignée|assignee|le|on|à|a|d'ici|until|jusqu|give|donne|confie|attribue)(?![\p{L}])/iu.test(part) || !part.trim()) break;
    kept.push(part);
  }
  return unquote(kept.join(", ").replace(/\s+(?:pour|for|due|by|le|on|à|a|avant)$/i, "").trim());
}

function stripSpans(text: string, spans: Span[]): string {
  let out = "";
  let at = 0;
  for (const span of [...spans].filter((s) => s.start >= 0 && s.end <= text.length).sort((a, b) => a.start - b.start)) {
    if (span.start < at) continue;
    out += `${text.slice(at, span.start)} `;
    at = span.end;
  }
  return (out + text.slice(at)).replace(/\s+/g, " ").trim();
}

/** A note's text: after a colon, after "that"/"que", or quoted. */
function noteBody(slots: Slots, project: Mention | undefined): string | undefined {
  const { text } = slots;
  const from = project ? project.end : 0;
  const colon = text.indexOf(":", from);
  if (colon >= 0) return unquote(text.slice(colon + 1).trim().replace(/^«\s*|\s*»$/g, "")) || undefined;
  const quoted = /["«]\s*([^"»]+?)\s*["»]/.exec(text);
  if (quoted) return quoted[1]!.trim();
  const that = /(?<![\p{L}])(?:that|que|qu')\s*(.{3,})$/iu.exec(text.slice(from));
  if (that) return that[1]!.trim();
  const dash = project ? /^\s*[-–—]\s*(.{3,})$/.exec(text.slice(project.end)) : null;
  if (dash) return dash[1]!.trim();
  // "ajoute une note dans home construction le client veut repousser la livraison"
  const rest = project ? text.slice(project.end).replace(/^\s*(?:project|projet)?\s*[,.;]?\s*/i, "") : "";
  if (rest.split(/\s+/).length >= 4) return rest.trim();
  const before = project ? /(?<![\p{L}])(?:that|que|qu')\s*(.{3,}?)\s+(?:to|on|in|au|dans|sur|pour)\s+(?:the\s+|le\s+)?(?:project|projet)?\s*$/iu.exec(text.slice(0, project.start)) : null;
  return before ? before[1]!.trim() : undefined;
}
