import type { MessageKey } from "../../i18n.js";
import { catalog } from "../../tools/index.js";
import { DATE_PATTERN, parseDate } from "./dates.js";
import { QUANTITY, parseQuantity } from "./quantities.js";

/**
 * The offline planner's reading of a message: which catalog tool, with which arguments, from the
 * French and English request shapes it knows. No model, no network: deterministic.
 */
export type Intent =
  | { kind: "tool"; tool: string; args: Record<string, unknown> }
  | { kind: "help" }
  | { kind: "refuse_destructive" }
  /** The request is understood but misses something: ask for it (a message of i18n.ts). */
  | { kind: "ask"; key: MessageKey; params: Record<string, string> }
  | { kind: "unknown" };

type Reader = (text: string, today: string) => Intent | undefined;

/**
 * `project`: the panel's project chip, sent as data (the turn's `context`). A message prefixed
 * "[Project: Office Design]" (what panels before the structured context sent) reads the same.
 */
export function parseIntent(message: string, today = new Date().toISOString().slice(0, 10), project?: string): Intent {
  const chip = /^\[(?:project|projet)\s*:\s*([^\]]+)\]\s*/i.exec(message.trim());
  const chosen = project?.trim() || chip?.[1]!.trim();
  const intent = askForMissing(parseMessage(chip ? message.trim().slice(chip[0].length) : message, today));
  if (chosen && intent.kind === "tool" && PROJECT_TOOLS.has(intent.tool) && !intent.args.project) {
    return { ...intent, args: { ...intent.args, project: chosen } };
  }
  if (chosen && intent.kind !== "tool" && /\b(?:t[âa]ches?|tasks?)\b/i.test(message)) return tool("list_tasks", { project: chosen });
  if (chosen && intent.kind !== "tool") return tool("project_summary", { project: chosen });
  return intent;
}

/** A quotation with no customer or no lines is a question to ask, not invalid arguments. */
function askForMissing(intent: Intent): Intent {
  if (intent.kind !== "tool" || intent.tool !== "create_quotation") return intent;
  const customer = String(intent.args.customer ?? "").trim();
  if (!customer) return { kind: "ask", key: "quote.ask_customer", params: {} };
  if (!(intent.args.lines as unknown[] | undefined)?.length) return { kind: "ask", key: "quote.ask_lines", params: { customer } };
  return intent;
}

/** Tools whose `project` the panel's project chip can fill. */
const PROJECT_TOOLS = new Set(["project_summary", "ask_project", "list_tasks", "create_task", "log_project_note", "list_documents", "list_tickets", "list_installations"]);

function parseMessage(message: string, today: string): Intent {
  const text = message.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, " ").trim();
  const slash = parseSlash(text, today);
  if (slash) return slash;
  const plain = stripPoliteness(text);
  // Removing a line from a quotation is an edit (still confirmed), not a deletion of data.
  const edit = updateQuotation(plain, today);
  if (edit) return edit;
  if (DESTRUCTIVE.test(plain)) return { kind: "refuse_destructive" };
  for (const read of READERS) {
    const intent = read(plain, today);
    if (intent) return intent;
  }
  return HELP.test(plain) ? { kind: "help" } : { kind: "unknown" };
}

const tool = (name: string, args: Record<string, unknown>): Intent => ({ kind: "tool", tool: name, args });

const DESTRUCTIVE = /^(?:please\s+)?(?:delete|remove|erase|purge|drop|wipe|destroy|archive|supprime[rz]?|efface[rz]?|détrui[st]|detrui[st]|vide[rz]?|archive[rz]?)(?![\p{L}])/iu;
const HELP = /\b(?:help|aide|hello|hi|hey|bonjour|salut|coucou|que (?:peux|sais)[- ]tu|what can you|qu'est-ce que tu|comment (?:ça|ca) marche|how does it work)\b/i;
const CREATE = String.raw`(?:cr[ée]{1,2}[rz]?|cree|ajoute[rz]?|fai[st]|faire|pr[ée]pare[rz]?|[ée]tabli[rs]?|g[ée]n[èe]re[rz]?|r[ée]dige[rz]?|nouveau|nouvelle|new|create|add|make|prepare|draft|generate|write)`;
const SHOW = String.raw`(?:montre[rz]?|affiche[rz]?|liste[rz]?|donne[rz]?|list|show|display|give|get|see|voir|view|quels?|quelles?|which|what are|what's|what is|quel est|quelle est)`;
const ME = /^(?:me|moi|myself|mes|my|mine)$/i;

function stripPoliteness(text: string): string {
  return text
    .replace(/^(?:s'il (?:te|vous) pla[iî]t|stp|svp|please|pls|hey|bonjour|hello|hi|peux[- ]tu|pourrais[- ]tu|can you|could you)[,!\s]+/i, "")
    .replace(/^(?:peux[- ]tu|pourrais[- ]tu|can you|could you)\s+/i, "")
    .replace(/[\s,]+(?:s'il (?:te|vous) pla[iî]t|stp|svp|please|merci|thanks|thank you)\s*[.!]*$/i, "")
    .replace(/\s*[?!.]+$/, "")
    .trim();
}

// --- Slash commands ---------------------------------------------------------------------------

/** A command's name as typed: case, accents and dashes ignored. */
const commandKey = (name: string) => name.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/[\s-]+/g, "_");

/** Commands whose argument has two parts (`/quote Deco Addict: 3 Office Chair`), read here. */
const TWO_PART: Record<string, (rest: string, today: string) => Intent> = {
  create_quotation(rest) {
    const [customer, lines] = splitOnce(rest, /\s*(?::|\bavec\b|\bwith\b)\s*/i);
    return tool("create_quotation", { customer: customer.trim(), lines: parseLines(lines ?? "") });
  },
  create_task(rest, today) {
    const [project, title] = splitOnce(rest, /\s*:\s*/);
    if (title === undefined) return tool("create_task", { project: "", title: rest });
    return tool("create_task", withDeadline({ project: project.trim(), title: title.trim() }, today));
  },
};

/** Short forms the planner also reads, for tools that declare no command of their own. */
const PLANNER_COMMANDS: Record<string, (rest: string) => Intent> = {
  product: (rest) => tool("search_products", { query: rest }),
  produit: (rest) => tool("search_products", { query: rest }),
  tasks: (rest) => tool("list_tasks", rest ? { project: rest } : {}),
  taches: (rest) => tool("list_tasks", rest ? { project: rest } : {}),
  projects: () => tool("list_projects", {}),
  projets: () => tool("list_projects", {}),
  checklist: (rest) => (rest ? tool("get_task", { task: rest }) : { kind: "help" }),
  task_checklist: (rest) => (rest ? tool("get_task", { task: rest }) : { kind: "help" }),
  tickets: (rest) => tool("list_tickets", rest ? { query: rest } : {}),
  installations: (rest) => tool("list_installations", rest ? { query: rest } : {}),
  quotations: (rest) => tool("list_quotations", rest ? { customer: rest } : {}),
  quotes: (rest) => tool("list_quotations", rest ? { customer: rest } : {}),
};

/**
 * A slash command: the tools declare theirs (names, aliases, what runs with nothing after it), and
 * a declared command's argument is its first argument — a new tool's command needs nothing here.
 */
function parseSlash(text: string, today: string): Intent | undefined {
  const match = /^\/([\p{L}_-]+)\s*(.*)$/su.exec(text);
  if (!match) return undefined;
  const command = commandKey(match[1]!);
  const rest = unquote(match[2]!.trim());
  if (command === "help" || command === "aide") return { kind: "help" };
  const declared = catalog.find((entry) => entry.slash && [entry.slash.name, entry.slash.fr, ...(entry.slash.aliases ?? [])].some((name) => commandKey(name) === command));
  if (declared) {
    const slash = declared.slash!;
    if (!rest) return slash.empty ? tool(declared.name, { ...slash.empty }) : { kind: "help" };
    const two = TWO_PART[declared.name];
    if (two) return two(rest, today);
    const argument = slash.prompt?.arguments[0]?.name ?? Object.keys(declared.schema.shape)[0]!;
    return tool(declared.name, { [argument]: rest });
  }
  return PLANNER_COMMANDS[command]?.(rest) ?? { kind: "unknown" };
}

// --- Sales ------------------------------------------------------------------------------------

const QUOTE_WORD = String.raw`(?:devis|quotations?|quotes?|offres?|cotations?|propositions? commerciales?)`;
const ORDER_NUMBER = /\b([A-Z]{1,4}\/?\d{3,}(?:\/\d+)?)\b/;

const confirmQuotation: Reader = (text) => {
  const match = new RegExp(String.raw`^(?:confirm|confirme[rz]?|valide[rz]?|validate|accepte[rz]?|accept)\b.*?${ORDER_NUMBER.source}`, "i").exec(text);
  return match ? tool("confirm_quotation", { quotation: match[1]!.toUpperCase() }) : undefined;
};

const sendQuotation: Reader = (text) => {
  const match = new RegExp(String.raw`^(?:send|e-?mail|envoie[rz]?|envoyer|renvoie[rz]?|mail)\b.*?${ORDER_NUMBER.source}`, "i").exec(text);
  return match ? tool("send_quotation", { quotation: match[1]!.toUpperCase() }) : undefined;
};

/** "Ajoute 2 Office Chair au devis S00003", "Remove Office Lamp from S00001", "Passe Office Chair à 5 dans S00001". */
const updateQuotation: Reader = (text) => {
  const number = ORDER_NUMBER.exec(text);
  if (!number) return undefined;
  const quotation = number[1]!.toUpperCase();
  const before = text.slice(0, number.index).replace(new RegExp(String.raw`\s*(?:(?:au|du|dans le|dans|sur le|sur|to|from|in|on|of)\s+)?(?:(?:le|la|the)\s+)?(?:${QUOTE_WORD}|order|commande)?\s*$`, "i"), "");
  let match: RegExpExecArray | null;
  if ((match = /^(?:ajoute[rz]?|add|rajoute[rz]?|mets|put|include|inclus)\s+(.+)$/i.exec(before))) {
    const add = parseLines(match[1]!);
    return add.length ? tool("update_quotation", { quotation, add }) : undefined;
  }
  if ((match = /^(?:retire[rz]?|enl[eè]ve[rz]?|remove|delete|supprime[rz]?|take out|drop)\s+(?:(?:la ligne|the line|le|la|les|the)\s+)?(?:(?:de|of|du)\s+|d')?(.+)$/i.exec(before))) {
    return tool("update_quotation", { quotation, remove: splitOutsideQuotes(match[1]!, /\s*(?:,|\bet\b|\band\b)\s*/i).map(cleanName).filter(Boolean) });
  }
  if ((match = new RegExp(String.raw`^(?:passe[rz]?|change[rz]?|mets|set|modifie[rz]?|update|mettre)\s+(?:(?:la quantité|the quantity|qty|quantité)\s+(?:de|of|d')\s*)?(.+?)\s+(?:à|a|to|sur)\s+(${QUANTITY})(?:\s+(?:unités?|units?))?$`, "i").exec(before))) {
    const quantity = parseQuantity(match[2]!);
    return quantity ? tool("update_quotation", { quotation, change: [{ product: cleanName(match[1]!), quantity }] }) : undefined;
  }
  return undefined;
};

const getQuotation: Reader = (text) => {
  if (!new RegExp(String.raw`\b(?:${QUOTE_WORD}|commande|order|sales order|bon de commande)\b`, "i").test(text) && !/^(?:show|montre|affiche|détails?|details?|ouvre|open)\b/i.test(text)) return undefined;
  const number = ORDER_NUMBER.exec(text);
  if (!number || /^(?:confirm|valide)/i.test(text)) return undefined;
  return tool("get_quotation", { quotation: number[1]!.toUpperCase() });
};

const QUOTE_STATES: [RegExp, string][] = [
  [/(?<![\p{L}])(?:brouillons?|draft|non envoyée?s?|not sent|unsent)(?![\p{L}])/iu, "draft"],
  [/(?<![\p{L}])(?:envoyée?s?|sent)(?![\p{L}])/iu, "sent"],
  [/(?<![\p{L}])(?:confirmée?s?|confirmed|commandes?|orders?|ventes?|sales)(?![\p{L}])/iu, "sale"],
  [/(?<![\p{L}])(?:annulée?s?|cancell?ed)(?![\p{L}])/iu, "cancel"],
];

const listQuotations: Reader = (text) => {
  const keyword = new RegExp(String.raw`\b${QUOTE_WORD}\b|\b(?:commandes|sales orders|orders)\b`, "i").exec(text);
  if (!keyword) return undefined;
  const listing = new RegExp(String.raw`^(?:${SHOW}|mes|my|all|tous|toutes|les|the)\b`, "i").test(text) || /\b(?:en cours|open|pending|en attente)\b/i.test(text);
  if (!listing || new RegExp(String.raw`^${CREATE}\b`, "i").test(text)) return undefined;
  const args: Record<string, unknown> = {};
  const state = QUOTE_STATES.find(([pattern]) => pattern.test(text.replace(/\bsales (?=quot|order)/i, "")))?.[1];
  // "les commandes de X" are confirmed orders; "les devis de X" are quotations.
  if (state && !(state === "sale" && new RegExp(`^${QUOTE_WORD}$`, "i").test(keyword[0]))) args.state = state;
  const customer = /\b(?:de|du|d'|of|for|pour|from|chez)\s*(?:(?:le|la|the)\s+)?(?:(?:client|cliente|customer|société|company)\s+)?([^,]+?)$/i.exec(text.slice(keyword.index + keyword[0].length));
  if (customer && !/^(?:moi|me|nous|us)$/i.test(customer[1]!.trim())) args.customer = unquote(customer[1]!.replace(/\b(?:en cours|en brouillon|in draft)\b/gi, "").trim());
  return tool("list_quotations", args);
};

const CREATE_QUOTE = new RegExp(String.raw`\b${CREATE}\b|\bquote for\b|\bdevis (?:pour|à|a)\b`, "i");

const createQuotation: Reader = (text) => {
  const keyword = new RegExp(String.raw`\b${QUOTE_WORD}\b`, "i").exec(text);
  if (!keyword) return undefined;
  if (!CREATE_QUOTE.test(text) && !/^\s*(?:quote|devis)\b/i.test(text)) return undefined;
  if (new RegExp(String.raw`^${SHOW}\b`, "i").test(text) && !new RegExp(String.raw`^${SHOW}\s+(?:a|an|un|une)\s+(?:new|nouveau|nouvelle)?\s*${QUOTE_WORD}\s+(?:pour|for)\b`, "i").test(text)) return undefined;
  const after = text.slice(keyword.index + keyword[0].length);
  const target = /^\s*(?:(?:pour|for|à|a|au|to|de)\s+)(?:(?:(?:le|la|the|our|notre)\s+)?(?:client|cliente|customer|société|company)\s+)?(.*)$/i.exec(after);
  const body = target ? target[1]! : after.replace(/^\s*[:,-]?\s*/, "");
  // A quoted customer ("Azure Interior, Brandon Freeman") may hold the separators themselves.
  const quotedCustomer = /^"([^"]+)"\s*(?:(?:avec|with|containing|comprenant|including|incluant|pour|for)\s+|[:,]\s*)?(.*)$/i.exec(body);
  if (quotedCustomer) return tool("create_quotation", { customer: quotedCustomer[1]!, lines: parseLines(quotedCustomer[2]!) });
  // The customer runs until the lines start: "avec", "with", ":", ",", or "pour"/"for" + a quantity.
  const split = new RegExp(
    String.raw`^(.+?)\s*(?:\s(?:avec|with|containing|comprenant|including|incluant)\s|:|,|\s(?:pour|for|de|of)\s(?=${QUANTITY}\b))\s*(.*)$`,
    "i",
  ).exec(body);
  const customer = (split ? split[1]! : body).trim();
  return tool("create_quotation", { customer: unquote(customer), lines: split ? parseLines(split[2]!) : [] });
};

/** "3 Office Chair, 2 Office Lamp et 1 Large Cabinet", "4x Desk Pad", "Office Chair x 3", "a Pedal Bin". */
export function parseLines(text: string): { product: string; quantity: number }[] {
  return splitOutsideQuotes(text, /\s*(?:,|;|\+|\n|\bet\b|\band\b|&)\s*/i)
    .map((part) => part.trim().replace(/[.!]+$/, ""))
    .filter(Boolean)
    .map(parseLine)
    .filter((line): line is { product: string; quantity: number } => Boolean(line));
}

function parseLine(part: string): { product: string; quantity: number } | undefined {
  const unit = String.raw`(?:units?|unités?|unites?|pièces?|pieces?|pcs|pc|exemplaires?)`;
  const leading =
    new RegExp(String.raw`^(${QUANTITY})(?:\s*(?:x|×|\*))?\s+(?:${unit}\s+)?(?:(?:of|de|du|des)\s+|d')?(.+)$`, "i").exec(part) ??
    new RegExp(String.raw`^(\d+(?:[.,]\d+)?)\s*(?:x|×|\*)\s*(.+)$`, "i").exec(part);
  if (leading) {
    const quantity = parseQuantity(leading[1]!);
    if (quantity !== undefined) return { product: unquote(leading[2]!), quantity };
  }
  const trailing = /^(.+?)\s*(?:x|×|\*|:)\s*(\d+(?:[.,]\d+)?)$/i.exec(part);
  if (trailing) return { product: unquote(trailing[1]!), quantity: parseQuantity(trailing[2]!)! };
  const product = unquote(part.replace(/^(?:(?:le|la|les|the|some|du|des|de)\s+|l')/i, ""));
  return product ? { product, quantity: 1 } : undefined;
}

// --- Stock ------------------------------------------------------------------------------------

const STOCK_PATTERNS: { pattern: RegExp; product: number; quantity?: number }[] = [
  { pattern: /\b(?:assez|suffisamment) (?:de |d')(.+?) pour (?:en )?(?:vendre|livrer|servir|couvrir|fournir) (\d+(?:[.,]\d+)?)/i, product: 1, quantity: 2 },
  { pattern: /\benough (.+?) (?:to|for) (?:sell|ship|deliver|cover|supply) (\d+(?:[.,]\d+)?)/i, product: 1, quantity: 2 },
  { pattern: /\bcombien (?:(?:il )?reste[- ]t[- ]il|avons[- ]nous|a[- ]t[- ]on|on a|y a[- ]t[- ]il|en reste[- ]t[- ]il) (?:de |d'|en )?(.+)$/i, product: 1 },
  { pattern: /\bstocks? (?:(?:disponibles?|available|actuels?|current|physiques?|r[ée]els?) )?(?:de |du |des |d'|of |for |on |pour )(?:l'|le |la |les |the )?(?:produit |product |article )?(.+)$/i, product: 1 },
  { pattern: /\bcombien (?:de |d')(.+?)(?: (?:en stock|avons[- ]nous|a[- ]t[- ]on|on a|il reste|reste[- ]t[- ]il|disponibles?|restants?|dans l'entrepôt|en magasin)\b.*)?$/i, product: 1 },
  { pattern: /\bhow (?:many|much) (.+?)(?: (?:do|does|are|is|have|has|we|in|on|left|available|remain)\b.*)?$/i, product: 1 },
  { pattern: /\b(?:quantit[ée]s?|qty|quantity|on hand|disponibilit[ée]|availability)(?: \w+)? (?:de |du |des |d'|of |for )(?:l'|le |la |les |the )?(.+)$/i, product: 1 },
  { pattern: /^(?:is |are |y a[- ]t[- ]il (?:du |des |de la )?|a[- ]t[- ]on (?:du |des )?)?(.+?) (?:en stock|in stock|on hand|available|disponibles?)$/i, product: 1 },
];

const STOCK_TAIL = /(?:\s+(?:en stock|in stock|on hand|available|disponibles?|left|restants?|en magasin|in the warehouse|dans l'entrepôt|avons[- ]nous|a[- ]t[- ]on|do we have|we have|have we got|do we still have|reste[- ]t[- ]il|il reste|en reste))+$/i;
const STOCK_HEAD = /^(?:do we (?:still )?have|have we got|do you have|avons[- ]nous|a[- ]t[- ]on|on a|y a[- ]t[- ]il)\s+(?:(?:des|du|de la|de|d'|any|some|enough)\s+)?/i;

const stock: Reader = (text) => {
  if (!/(?:^|[^\p{L}])(?:stocks?|on hand|how many|how much|combien|assez|enough|suffisamment|disponibles?|available|quantit[ée]s?|qty|inventory|inventaire)(?![\p{L}])/iu.test(text)) {
    return undefined;
  }
  for (const { pattern, product, quantity } of STOCK_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const name = cleanName(match[product]!.replace(STOCK_TAIL, "").replace(STOCK_HEAD, ""));
    if (!name) continue;
    const args: Record<string, unknown> = { product: name };
    if (quantity !== undefined) args.quantity = parseQuantity(match[quantity]!);
    return tool("get_stock", args);
  }
  return undefined;
};

// --- Search -----------------------------------------------------------------------------------

const SEARCH = String.raw`(?:cherche[rz]?|recherche[rz]?|trouve[rz]?|find|search(?: for)?|look ?up|look for|lookup|montre|affiche|show|list|liste)`;
const search: Reader = (text) => {
  const customer = new RegExp(
    String.raw`^${SEARCH}\s+(?:(?:le|la|les|un|une|des|the|a|all|tous les)\s+)?(?:clients?|customers?|partenaires?|partners?|contacts?|sociétés?|companies)\s+(?:(?:nommée?s?|named|called|appelée?s?|matching|contenant|containing|like|comme|qui s'appelle|qui contiennent|qui contient|whose name contains|with name|avec le nom|dont le nom contient)\s+)?(.+)$`,
    "i",
  ).exec(text);
  if (customer) return tool("search_customers", { query: unquote(customer[1]!) });
  const product = new RegExp(
    String.raw`^${SEARCH}\s+(?:(?:le|la|les|un|une|des|the|a|all|tous les)\s+)?(?:produits?|products?|articles?|items?)\s+(?:(?:nommée?s?|named|called|appelée?s?|matching|contenant|containing|like|comme|avec|qui contiennent|qui contient|whose name contains|with name|dont le nom contient)\s+)?(.+)$`,
    "i",
  ).exec(text);
  if (product) return tool("search_products", { query: unquote(product[1]!) });
  return undefined;
};

// --- Projects ---------------------------------------------------------------------------------

const PROJECT_REF = String.raw`(?:(?:du|le|la|au|dans le|in the|in|of the|of|for the|for|on the|on|to the|to|sur le|de|pour le)\s+)?(?:projet|project)\s+`;

const createTask: Reader = (text, today) => {
  if (!new RegExp(String.raw`^${CREATE}\b.*\b(?:t[âa]ches?|tasks?|todo|to-do)\b`, "i").test(text)) return undefined;
  const afterTask = text.replace(new RegExp(String.raw`^${CREATE}\s+(?:une?\s+|a\s+|an\s+|new\s+|nouvelle\s+)?(?:t[âa]che|task|todo|to-do)\s*`, "i"), "");
  const quoted = /["«]\s*([^"»]+?)\s*["»]|'([^']+)'/.exec(afterTask);
  const projectMatch = new RegExp(String.raw`\b(?:dans|in|to|for|sur|pour|au|on)\s+(?:le\s+|la\s+|the\s+)?(?:projet|project)\s+(.+?)(?=\s+(?:pour|for|due|avant|before|by|le|on|assign|assigned|assignée?|à|to)\b|\s*[:,]|$)`, "i").exec(afterTask);
  const bare = !projectMatch && !quoted ? /^(?:pour|for|in|dans|sur|to|au|à)\s+(?:le\s+|la\s+|the\s+)?(.+?)\s*:\s*(.+)$/i.exec(afterTask) : null;
  if (bare) return tool("create_task", withDeadline({ project: unquote(bare[1]!), title: unquote(bare[2]!) }, today));
  let title = quoted ? (quoted[1] ?? quoted[2])! : undefined;
  if (!title) {
    const colon = /:\s*(.+)$/.exec(afterTask);
    title = colon ? colon[1]!.trim() : afterTask.replace(projectMatch?.[0] ?? "", "").replace(/^(?::|,)?\s*/, "").trim();
  }
  const args: Record<string, unknown> = { project: projectMatch ? unquote(projectMatch[1]!) : "", title: unquote(stripTrailingDate(title)) };
  const date = new RegExp(String.raw`\b(?:pour|for|due|avant|before|by|d'ici|échéance|deadline)?\s*(?:le\s+|on\s+|the\s+)?(${DATE_PATTERN})\b`, "i").exec(afterTask.replace(quoted?.[0] ?? "", ""));
  if (date) {
    const deadline = parseDate(date[1]!, today);
    if (deadline) args.deadline = deadline;
  }
  const assignee = /\b(?:assign(?:ed)?(?: it)? to|assignée? à|pour|à)\s+(moi|me|[A-Z][\p{L}'-]+(?:\s+[A-Z][\p{L}'-]+)?)\s*$/u.exec(afterTask);
  if (assignee) args.assignee = ME.test(assignee[1]!) ? "me" : assignee[1]!;
  return tool("create_task", args);
};

function withDeadline(args: { project: string; title: string }, today: string): Record<string, unknown> {
  const match = new RegExp(String.raw`\s+(?:pour le|pour|for|due|by|avant le|le)\s+(${DATE_PATTERN})$`, "i").exec(args.title);
  const deadline = match ? parseDate(match[1]!, today) : undefined;
  return deadline ? { ...args, title: args.title.slice(0, match!.index).trim(), deadline } : args;
}

function stripTrailingDate(title: string): string {
  return title.replace(new RegExp(String.raw`\s+(?:pour le|pour|for|due|by|avant le|le|on)\s+(?:${DATE_PATTERN})$`, "i"), "").trim();
}

const logNote: Reader = (text) => {
  if (!/\b(?:notes?|journal|log|logbook|chatter|commentaire|comment)\b/i.test(text)) return undefined;
  if (!new RegExp(String.raw`^(?:${CREATE}|log|note|écris|ecris|poste|post|mets|put|consigne)\b`, "i").test(text)) return undefined;
  const match = new RegExp(String.raw`(?:projet|project)\s+(.+?)\s*:\s*(.+)$`, "i").exec(text);
  if (match) return tool("log_project_note", { project: unquote(match[1]!), body: match[2]!.trim() });
  const bare = /\b(?:journal|chatter|log|logbook|notes?)\s+(?:du |de la |de |d'|of |on |sur |for |to |au |à )?(?:(?:le|la|the)\s+)?(.+?)\s*:\s*(.+)$/i.exec(text);
  if (bare) return tool("log_project_note", { project: unquote(bare[1]!), body: bare[2]!.trim() });
  const quoted = /["«]\s*([^"»]+?)\s*["»].*?(?:projet|project)\s+(.+)$/i.exec(text);
  if (quoted) return tool("log_project_note", { project: unquote(quoted[2]!), body: quoted[1]! });
  return undefined;
};

/** "Passe la tâche X à Done", "Move task X to Done", "Assign task X to Marc Demo", "deadline of task X: 20/12". */
const updateTask: Reader = (text, today) => {
  if (!/\b(?:t[âa]che|task)\b/i.test(text) || new RegExp(String.raw`^${CREATE}\b`, "i").test(text)) return undefined;
  let match: RegExpExecArray | null;
  const task = String.raw`(?:la\s+|the\s+)?(?:t[âa]che|task)\s+["«']?(.+?)["»']?`;
  if ((match = new RegExp(String.raw`^(?:passe[rz]?|d[ée]place[rz]?|move|mets|put|set)\s+${task}\s+(?:à|a|en|to|dans|into|in)\s+(?:l'[ée]tape\s+|the stage\s+|stage\s+)?["«']?(.+?)["»']?$`, "i").exec(text))) {
    return tool("update_task", { task: match[1]!, stage: match[2]! });
  }
  if ((match = new RegExp(String.raw`^(?:mark|marque[rz]?)\s+${task}\s+(?:as|comme)\s+(done|fait|faite|terminée?|finished|complete|completed)$`, "i").exec(text))) {
    return tool("update_task", { task: match[1]!, stage: /^(?:done|finished|complete|completed)$/i.test(match[2]!) ? "Done" : "Done" });
  }
  if ((match = new RegExp(String.raw`^(?:assigne[rz]?|assign|donne[rz]?|give)\s+${task}\s+(?:à|a|to)\s+(.+)$`, "i").exec(text))) {
    return tool("update_task", { task: match[1]!, assignee: ME.test(match[2]!.trim()) ? "me" : match[2]!.trim() });
  }
  if ((match = new RegExp(String.raw`(?:échéance|echeance|deadline|date limite)\s+(?:de|of|du|for)\s+${task}\s*(?::|à|a|to|au|pour|for)?\s*(?:le\s+)?(${DATE_PATTERN})$`, "i").exec(text))) {
    const deadline = parseDate(match[2]!, today);
    return deadline ? tool("update_task", { task: match[1]!, deadline }) : undefined;
  }
  return undefined;
};

/** "What did we say about the tiles in project Home Construction?", "Cherche « carrelage » dans le projet X". */
const askProject: Reader = (text) => {
  const match =
    new RegExp(String.raw`^(?:what (?:do we know|did we say|does it say|is said|was said)|que (?:sait[- ]on|dit[- ]on|savons[- ]nous)|qu'est[- ]ce qu'on (?:sait|a dit)|qu'a[- ]t[- ]on dit|what about|quoi de neuf)\s+(?:about|sur|de|à propos de|concernant|on|of)\s+(.+?)\s+(?:in|on|for|dans|sur|pour|du|au)\s+(?:the\s+|le\s+)?(?:projet|project)\s+(.+)$`, "i").exec(text) ??
    new RegExp(String.raw`^(?:cherche[rz]?|recherche[rz]?|search(?: for)?|find|look for|trouve[rz]?)\s+["«']?(.+?)["»']?\s+(?:in|dans)\s+(?:the\s+|le\s+)?(?:projet|project)\s+(.+)$`, "i").exec(text);
  if (!match) return undefined;
  return tool("ask_project", { project: unquote(match[2]!), question: unquote(match[1]!.replace(/^(?:the|le|la|les|l')\s*/i, "")) });
};

const projectSummary: Reader = (text) => {
  const match =
    new RegExp(String.raw`^(?:r[ée]sum[ée][rz]?|summari[sz]e|summary of|fais le point sur|point sur|status of|état|etat|où en est|ou en est|how is|how's|bilan)\s+(?:(?:du|de|of|des)\s+)?(?:le\s+|la\s+|the\s+)?(?:projet|project)?\s*(.+)$`, "i").exec(text) ??
    new RegExp(String.raw`^(?:give me |donne[- ]moi )?(?:a |an |un |une )?(?:summary|résumé|resume|overview|aperçu|bilan|status|statut|état)\s+(?:of|for|on|du|de|sur)\s+(?:the\s+|le\s+)?(?:projet|project)\s+(.+)$`, "i").exec(text);
  if (!match) return undefined;
  const project = unquote(match[1]!.replace(/\s+(?:going|doing|se porte)$/i, ""));
  return project ? tool("project_summary", { project }) : undefined;
};

const listTasks: Reader = (text) => {
  if (!/\b(?:t[âa]ches?|tasks?|todos?|to-dos?)\b/i.test(text)) return undefined;
  const args: Record<string, unknown> = {};
  const project = new RegExp(String.raw`(?:${PROJECT_REF}|\b(?:in|of|for|du|de|dans)\s+)(.+)$`, "i").exec(text.replace(/^.*?\b(?:t[âa]ches?|tasks?|todos?|to-dos?)\b/i, ""));
  if (project) {
    const name = unquote(project[1]!.replace(/\b(?:en retard|overdue|ouvertes?|open)\b/gi, "").trim());
    if (name && !ME.test(name)) args.project = name;
  }
  if (/\b(?:en retard|overdue|late|dépassées?|depassees?)\b/i.test(text)) args.overdue = true;
  if (/\b(?:mes|my|assignées? à moi|assigned to me)\b/i.test(text)) args.assignee = "me";
  if (/\b(?:toutes|all|même fermées|including closed|terminées|done|closed|fermées)\b/i.test(text) && !/\bopen|ouvertes?\b/i.test(text)) args.open_only = false;
  return tool("list_tasks", args);
};

const listProjects: Reader = (text) => {
  if (!/\b(?:projets?|projects?)\b/i.test(text)) return undefined;
  if (!new RegExp(String.raw`^(?:${SHOW}|mes|my|all|tous|les|the|en cours)\b`, "i").test(text) && !/^(?:projets?|projects?)\b/i.test(text)) return undefined;
  return tool("list_projects", /\b(?:terminés?|finis|done|completed|closed)\b/i.test(text) ? { state: "done" } : {});
};

const showKit: Reader = (text) => {
  const match =
    /\b(?:composition|contenu|nomenclature|bom|bill of materials?|components?|composants?|what'?s in|what is in|que contient|ce que contient)\s+(?:of|for|de|du|d'|des|in)?\s*(?:(?:le|la|the|this)\s+)?(?:kit\s+|product\s+|produit\s+)?(.+)$/i.exec(text) ??
    /\b(?:kit)\s+(.+)$/i.exec(text.replace(/^(?:montre|affiche|show|display|voir)\s+(?:le|la|the)?\s*/i, ""));
  if (!match || !/\b(?:kit|composition|nomenclature|bom|bill of materials?|components?|composants?|contient|what'?s in|what is in)\b/i.test(text)) return undefined;
  const name = unquote(match[1]!.replace(/^(?:du|de|of)\s+(?:kit|produit|product)\s+/i, ""));
  return name ? tool("show_kit", { kit: /\bkit\b/i.test(name) || !/^kit\b/i.test(text) ? name : name }) : undefined;
};

const listDocuments: Reader = (text) => {
  const match = new RegExp(String.raw`\b(?:documents?|docs?|fichiers?|files?|pièces jointes|pieces jointes|attachments?)\b.*?${PROJECT_REF}(.+)$`, "i").exec(text);
  return match ? tool("list_documents", { project: unquote(match[1]!) }) : undefined;
};

/** One task and its checklist: "show task Room planning", "sous-tâches de Room planning". */
const getTask: Reader = (text) => {
  const match =
    /^(?:show|display|open|see|montre[rz]?|affiche[rz]?|ouvre|voir)\s+(?:me\s+|moi\s+)?(?:the\s+|la\s+)?(?:task|t[âa]che)\s+(.+)$/i.exec(text) ??
    /\b(?:checklist|check-list|liste de contr[ôo]le|sous-t[âa]ches|subtasks|sub-tasks)\s+(?:of|de|du|for|pour|in|dans)?\s*(?:the\s+|la\s+)?(?:task\s+|t[âa]che\s+)?(.+)$/i.exec(text);
  if (!match) return undefined;
  const [name, project] = splitOnce(unquote(match[1]!), new RegExp(`\\s+${PROJECT_REF}`, "i"));
  const task = unquote(name);
  return task ? tool("get_task", { task, ...(project ? { project: unquote(project) } : {}) }) : undefined;
};

/** Tickets and installations (mapped models): "open tickets of project X", "installations de Deco Addict". */
const listMapped: Reader = (text) => {
  const kind = /\b(tickets?|installations?)\b/i.exec(text);
  if (!kind) return undefined;
  const name = /^ticket/i.test(kind[1]!) ? "list_tickets" : "list_installations";
  const args: Record<string, unknown> = {};
  const after = text.slice(kind.index + kind[0].length).replace(/^\s*(?:ouverts?|ouvertes?|open|en cours|in progress|pending|en attente)\b/i, "");
  const project = new RegExp(`${PROJECT_REF}(.+)$`, "i").exec(after);
  const customer = /\b(?:du client|de la société|of customer|for customer|customer|client|for|of|pour|de|du|chez|at)\s+(.+)$/i.exec(after);
  if (project) args.project = unquote(project[1]!);
  else if (customer) args.customer = cleanName(customer[1]!);
  else {
    const words = /\b(?:about|sur|concernant|regarding|named|nommée?s?|containing|contenant)\s+(.+)$/i.exec(after);
    if (words) args.query = unquote(words[1]!);
  }
  if (/\b(?:tous|toutes|all|même fermée?s?|including closed|fermée?s?|closed|résolus|resolved|terminée?s?|done)\b/i.test(text) && !/\b(?:open|ouverte?s?)\b/i.test(text)) args.open_only = false;
  return tool(name, args);
};

const undo: Reader = (text) => {
  const match = /^(?:undo|revert|reverse|annule[rz]?|d[ée]fais|d[ée]faire|reviens en arri[èe]re sur)\s+(?:(?:ta|la|the|your|cette|this|that|ce|mon|my)\s+)?(?:derni[èe]re?\s+|last\s+)?(?:action|change|modification|op[ée]ration|ça|ca|it)?\s*(act_[\w-]+)?$/i.exec(text);
  return match ? tool("undo", { action: match[1] ?? "last" }) : undefined;
};

const exportPdf: Reader = (text) => {
  if (!/\bpdf\b/i.test(text)) return undefined;
  const project = /\b(?:projet|project)\s+(.+?)(?:\s+(?:en|as|in|au format)\s+pdf)?$/i.exec(text);
  return tool("export_pdf", { target: project ? unquote(project[1]!) : "conversation" });
};

const remember: Reader = (text) => {
  const match = /^(?:retiens|souviens[- ]toi|rappelle[- ]toi|m[ée]morise|note|garde en m[ée]moire|remember|keep in mind|note that|don't forget)\s+(?:que|qu'|that|:)?\s*(.{3,})$/i.exec(text);
  return match ? tool("remember", { fact: match[1]!.trim() }) : undefined;
};

const forget: Reader = (text) => {
  const match = /^(?:oublie|forget)\s+(?:que|qu'|that|:|ce que|what)?\s*(.{2,})$/i.exec(text);
  return match ? tool("forget", { fact: match[1]!.replace(/^(?:je t'ai dit|i told you)\s*(?:que|that)?\s*/i, "").trim() }) : undefined;
};

/** Order matters: the most specific shapes first. */
const READERS: Reader[] = [
  exportPdf,
  undo,
  remember,
  forget,
  confirmQuotation,
  sendQuotation,
  updateTask,
  getTask,
  createTask,
  logNote,
  createQuotation,
  getQuotation,
  listQuotations,
  askProject,
  projectSummary,
  listDocuments,
  listMapped,
  showKit,
  listTasks,
  listProjects,
  stock,
  search,
];

// --- Shared -----------------------------------------------------------------------------------

/** Splits on `separator`, except inside double quotes. */
function splitOutsideQuotes(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let rest = text;
  for (;;) {
    const quote = rest.indexOf('"');
    const match = separator.exec(rest);
    if (!match) break;
    if (quote >= 0 && quote < match.index) {
      const close = rest.indexOf('"', quote + 1);
      if (close < 0) break;
      const after = rest.slice(close + 1);
      const next = separator.exec(after);
      if (!next) break;
      parts.push(rest.slice(0, close + 1 + next.index));
      rest = after.slice(next.index + next[0].length);
      continue;
    }
    parts.push(rest.slice(0, match.index));
    rest = rest.slice(match.index + match[0].length);
  }
  parts.push(rest);
  return parts;
}

function cleanName(text: string): string {
  return unquote(text.replace(/^(?:(?:le|la|les|the|our|nos|notre|of|de|du|des)\s+|l'|d')+/i, "").trim());
}

function unquote(text: string): string {
  return text.trim().replace(/^["'«“]\s*|\s*["'»”]$/g, "").trim();
}

function splitOnce(text: string, separator: RegExp): [string, string | undefined] {
  const match = separator.exec(text);
  if (!match) return [text, undefined];
  return [text.slice(0, match.index), text.slice(match.index + match[0].length)];
}

/** For the entity-first reader: the state a list of quotations asks for ("draft", "sent"…). */
export function quoteState(text: string): string | undefined {
  return QUOTE_STATES.find(([pattern]) => pattern.test(text.replace(/\bsales (?=quot|order)/i, "")))?.[1];
}

/** For the entity-first reader: an edit of a quotation, read from its shape. */
export function readQuotationEdit(text: string, today: string): Intent | undefined {
  return updateQuotation(stripPoliteness(text), today);
}

export { DESTRUCTIVE, HELP, stripPoliteness, unquote };
