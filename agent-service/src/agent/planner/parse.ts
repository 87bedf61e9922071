import { QUANTITY, parseQuantity } from "./quantities.js";

/**
 * The offline planner's reading of a message: which catalog tool, with which arguments, from the
 * French and English request shapes it knows. No model, no network: deterministic.
 */
export type Intent =
  | { kind: "tool"; tool: string; args: Record<string, unknown> }
  | { kind: "help" }
  | { kind: "refuse_destructive" }
  | { kind: "unknown" };

export function parseIntent(message: string): Intent {
  const text = message.replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, " ").trim();
  const slash = parseSlash(text);
  if (slash) return slash;
  const plain = stripPoliteness(text);
  if (DESTRUCTIVE.test(plain)) return { kind: "refuse_destructive" };
  return parseQuotation(plain) ?? parseStock(plain) ?? parseSearch(plain) ?? (HELP.test(plain) ? { kind: "help" } : { kind: "unknown" });
}

const DESTRUCTIVE = /^(?:please\s+)?(?:delete|remove|erase|purge|drop|wipe|supprime[rz]?|efface[rz]?|détrui[st]|detrui[st]|vide[rz]?)\b/i;
const HELP = /\b(?:help|aide|hello|hi|hey|bonjour|salut|coucou|que (?:peux|sais)[- ]tu|what can you|qu'est-ce que tu|comment (?:ça|ca) marche|how does it work)\b/i;

function stripPoliteness(text: string): string {
  return text
    .replace(/^(?:s'il (?:te|vous) pla[iî]t|stp|svp|please|pls|hey|bonjour|hello|hi)[,!\s]+/i, "")
    .replace(/[\s,]+(?:s'il (?:te|vous) pla[iî]t|stp|svp|please|merci|thanks|thank you)\s*[.!]*$/i, "")
    .replace(/\s*[?!.]+$/, "")
    .trim();
}

function parseSlash(text: string): Intent | undefined {
  const match = /^\/([\p{L}_]+)\s*(.*)$/u.exec(text);
  if (!match) return undefined;
  const command = match[1]!.toLowerCase();
  const rest = match[2]!.trim();
  switch (command) {
    case "help":
    case "aide":
      return { kind: "help" };
    case "stock":
      return rest ? { kind: "tool", tool: "get_stock", args: { product: unquote(rest) } } : { kind: "help" };
    case "quote":
    case "devis": {
      const [customer, lines] = splitOnce(rest, /\s*(?::|\bavec\b|\bwith\b)\s*/i);
      return { kind: "tool", tool: "create_quotation", args: { customer: customer.trim(), lines: parseLines(lines ?? "") } };
    }
    case "customer":
    case "client":
      return rest ? { kind: "tool", tool: "search_customers", args: { query: unquote(rest) } } : { kind: "help" };
    case "product":
    case "produit":
      return rest ? { kind: "tool", tool: "search_products", args: { query: unquote(rest) } } : { kind: "help" };
    default:
      return { kind: "unknown" };
  }
}

const QUOTE_WORD = String.raw`(?:devis|quotation|quote|offre|cotation|proposition commerciale|sales order)`;
const CREATE_VERB = /\b(?:cr[ée]{1,2}[rz]?|cree|fai[st]|faire|pr[ée]pare[rz]?|[ée]tabli[rs]?|g[ée]n[èe]re[rz]?|r[ée]dige[rz]?|nouveau|nouvelle|new|create|make|prepare|draft|generate|write|quote for|devis pour|devis [àa])\b/i;
const LIST_VERB = /^(?:montre|affiche|liste|list|show|display|quels|quelles|which|what are|voir|see)\b/i;

function parseQuotation(text: string): Intent | undefined {
  const keyword = new RegExp(`\\b${QUOTE_WORD}\\b`, "i").exec(text);
  if (!keyword) return undefined;
  if (LIST_VERB.test(text) && !CREATE_VERB.test(text)) return undefined;
  if (!CREATE_VERB.test(text) && !/^\s*(?:quote|devis)\b/i.test(text)) return undefined;

  const after = text.slice(keyword.index + keyword[0].length);
  const target = new RegExp(
    String.raw`^\s*(?:(?:pour|for|à|a|au|to|de)\s+)(?:(?:(?:le|la|the|our|notre)\s+)?(?:client|cliente|customer|société|company)\s+)?(.*)$`,
    "i",
  ).exec(after);
  const body = target ? target[1]! : after.replace(/^\s*[:,-]?\s*/, "");
  // The customer runs until the lines start: "avec", "with", ":", ",", or "pour"/"for" + a quantity.
  const split = new RegExp(
    String.raw`^(.+?)\s*(?:\s(?:avec|with|containing|comprenant|including|incluant)\s|:|,|\s(?:pour|for|de|of)\s(?=${QUANTITY}\b))\s*(.*)$`,
    "i",
  ).exec(body);
  const customer = (split ? split[1]! : body).trim();
  const lines = split ? parseLines(split[2]!) : [];
  return { kind: "tool", tool: "create_quotation", args: { customer: unquote(customer), lines } };
}

/** "3 Office Chair, 2 Office Lamp et 1 Large Cabinet", "4x Desk Pad", "Office Chair x 3", "a Pedal Bin". */
export function parseLines(text: string): { product: string; quantity: number }[] {
  return text
    .split(/\s*(?:,|;|\+|\n|\bet\b|\band\b|&)\s*/i)
    .map((part) => part.trim().replace(/[.!]+$/, ""))
    .filter(Boolean)
    .map(parseLine)
    .filter((line): line is { product: string; quantity: number } => Boolean(line));
}

function parseLine(part: string): { product: string; quantity: number } | undefined {
  const unit = String.raw`(?:units?|unités?|unites?|pièces?|pieces?|pcs|pc|exemplaires?)`;
  const leading = new RegExp(String.raw`^(${QUANTITY})(?:\s*(?:x|×|\*))?\s+(?:${unit}\s+)?(?:(?:of|de|du|des)\s+|d')?(.+)$`, "i").exec(part)
    ?? new RegExp(String.raw`^(\d+(?:[.,]\d+)?)\s*(?:x|×|\*)\s*(.+)$`, "i").exec(part);
  if (leading) {
    const quantity = parseQuantity(leading[1]!);
    if (quantity !== undefined) return { product: unquote(leading[2]!), quantity };
  }
  const trailing = new RegExp(String.raw`^(.+?)\s*(?:x|×|\*|:)\s*(\d+(?:[.,]\d+)?)$`, "i").exec(part);
  if (trailing) return { product: unquote(trailing[1]!), quantity: parseQuantity(trailing[2]!)! };
  const product = unquote(part.replace(/^(?:(?:le|la|les|the|some|du|des|de)\s+|l')/i, ""));
  return product ? { product, quantity: 1 } : undefined;
}

const STOCK_PATTERNS: { pattern: RegExp; product: number; quantity?: number }[] = [
  // "Est-ce qu'on a assez de Drawer Black pour en vendre 50", "do we have enough Desk Pad to sell 20"
  { pattern: /\b(?:assez|suffisamment) (?:de |d')(.+?) pour (?:en )?(?:vendre|livrer|servir|couvrir) (\d+(?:[.,]\d+)?)/i, product: 1, quantity: 2 },
  { pattern: /\benough (.+?) (?:to|for) (?:sell|ship|deliver|cover) (\d+(?:[.,]\d+)?)/i, product: 1, quantity: 2 },
  // "stock de X", "stock of X", "stock for X", "niveau de stock du X"
  { pattern: /\bstocks? (?:de |du |des |d'|of |for |on |pour )(?:l'|le |la |les |the )?(?:produit |product )?(.+)$/i, product: 1 },
  // "Combien de X en stock", "combien de X avons-nous"
  { pattern: /\bcombien (?:de |d')(.+?)(?: (?:en stock|avons[- ]nous|a[- ]t[- ]on|on a|il reste|reste[- ]t[- ]il|disponibles?|restants?|dans l'entrepôt|en magasin)\b.*)?$/i, product: 1 },
  // "How many X do we have on hand", "how many X are in stock"
  { pattern: /\bhow (?:many|much) (.+?)(?: (?:do|does|are|is|have|has|we|in|on|left|available|remain)\b.*)?$/i, product: 1 },
  // "quantité disponible de X", "available quantity of X", "on hand quantity for X"
  { pattern: /\b(?:quantit[ée]s?|qty|quantity|on hand|disponibilit[ée]|availability)(?: \w+)? (?:de |du |des |d'|of |for )(?:l'|le |la |les |the )?(.+)$/i, product: 1 },
  // "X en stock ?", "X in stock", "is X available"
  { pattern: /^(?:is |are |y a[- ]t[- ]il (?:du |des |de la )?|a[- ]t[- ]on (?:du |des )?)?(.+?) (?:en stock|in stock|on hand|available|disponibles?)$/i, product: 1 },
];

function parseStock(text: string): Intent | undefined {
  if (!/\b(?:stocks?|on hand|how many|how much|combien|assez|enough|suffisamment|disponibles?|available|quantit[ée]|qty|inventory|inventaire)\b/i.test(text)) {
    return undefined;
  }
  for (const { pattern, product, quantity } of STOCK_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const name = cleanProduct(match[product]!);
    if (!name) continue;
    const args: Record<string, unknown> = { product: name };
    if (quantity !== undefined) args.quantity = parseQuantity(match[quantity]!);
    return { kind: "tool", tool: "get_stock", args };
  }
  return undefined;
}

function cleanProduct(text: string): string {
  return unquote(
    text
      .replace(/^(?:(?:le|la|les|the|our|nos|notre|of|de|du|des)\s+|l'|d')+/i, "")
      .replace(/\s+(?:en stock|in stock|on hand|available|disponibles?|left|restants?)$/i, "")
      .trim(),
  );
}

function parseSearch(text: string): Intent | undefined {
  const verb = String.raw`(?:cherche[rz]?|recherche[rz]?|trouve[rz]?|find|search(?: for)?|look ?up|look for|lookup|montre|affiche|show|list|liste)`;
  const customer = new RegExp(
    String.raw`^${verb}\s+(?:(?:le|la|les|un|une|des|the|a|all|tous les)\s+)?(?:clients?|customers?|partenaires?|partners?|contacts?|sociétés?|companies)\s+(?:(?:nommée?s?|named|called|appelée?s?|matching|contenant|containing|like|comme|qui s'appelle|avec le nom)\s+)?(.+)$`,
    "i",
  ).exec(text);
  if (customer) return { kind: "tool", tool: "search_customers", args: { query: unquote(customer[1]!) } };
  const product = new RegExp(
    String.raw`^${verb}\s+(?:(?:le|la|les|un|une|des|the|a|all|tous les)\s+)?(?:produits?|products?|articles?|items?)\s+(?:(?:nommée?s?|named|called|appelée?s?|matching|contenant|containing|like|comme|avec)\s+)?(.+)$`,
    "i",
  ).exec(text);
  if (product) return { kind: "tool", tool: "search_products", args: { query: unquote(product[1]!) } };
  return undefined;
}

function unquote(text: string): string {
  return text.trim().replace(/^["'«“]\s*|\s*["'»”]$/g, "").trim();
}

function splitOnce(text: string, separator: RegExp): [string, string | undefined] {
  const match = separator.exec(text);
  if (!match) return [text, undefined];
  return [text.slice(0, match.index), text.slice(match.index + match[0].length)];
}
