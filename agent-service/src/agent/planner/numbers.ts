/**
 * Numbers as people type them in a request, French and English: digits ("3", "2,5", "1 000"),
 * words ("deux", "twenty-five", "vingt et un", "quatre-vingts"), "a dozen" / "une douzaine",
 * "half a dozen", and what a number is: a percentage ("10%", "10 pour cent") or an amount
 * ("800 €", "$120", "800 euros").
 *
 * Decided: a small table rather than Microsoft's Recognizers-Text, measured here: its French
 * model takes 3.1 s to build on first use and 15 ms a sentence after, for 6.4 MB; the quantities
 * people type in an ERP request are digits or a few number words, read here in microseconds.
 */
export type NumberMention = {
  start: number;
  end: number;
  value: number;
  /** `un`, `a`, `une`…: a quantity only when it stands before a product. */
  article: boolean;
  kind: "number" | "percent" | "amount";
};

const UNITS: Record<string, number> = {
  zero: 0, zéro: 0, one: 1, un: 1, une: 1, a: 1, an: 1, two: 2, deux: 2, three: 3, trois: 3, four: 4, quatre: 4,
  five: 5, cinq: 5, six: 6, seven: 7, sept: 7, eight: 8, huit: 8, nine: 9, neuf: 9, ten: 10, dix: 10,
  eleven: 11, onze: 11, twelve: 12, douze: 12, thirteen: 13, treize: 13, fourteen: 14, quatorze: 14,
  fifteen: 15, quinze: 15, sixteen: 16, seize: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, vingt: 20, vingts: 20, thirty: 30, trente: 30, forty: 40, quarante: 40, fifty: 50, cinquante: 50,
  sixty: 60, soixante: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, cent: 100, cents: 100,
  thousand: 1000, mille: 1000, dozen: 12, douzaine: 12, douzaines: 12, dozens: 12, dizaine: 10, dizaines: 10,
  quinzaine: 15, quinzaines: 15, vingtaine: 20, vingtaines: 20, trentaine: 30, trentaines: 30, quarantaine: 40, cinquantaine: 50, centaine: 100, centaines: 100,
  couple: 2, half: 0.5, demi: 0.5, demie: 0.5,
};
const ARTICLES = new Set(["un", "une", "a", "an"]);
/** Words that count groups: "a dozen", "deux douzaines", "une vingtaine", "a score of". */
const GROUPS = /^(?:dozens?|douzaines?|dizaines?|quinzaines?|vingtaines?|trentaines?|quarantaines?|cinquantaines?|centaines?)$/;

/** The number words that stand alone as a quantity ("deux", "twelve", "a"), for the shape reader's patterns. */
export const QUANTITY_WORDS: readonly string[] = Object.keys(UNITS).filter((word) => !/^(?:z[ée]ro|half|demie?|couple|dozens?|douzaines?|dizaines?|quinzaines?|vingtaines?|trentaines?|quarantaines?|cinquantaines?|centaines?|vingts|cents)$/.test(word));
const JOINERS = new Set(["et", "and", "-", "de", "d'", "of"]);

// digits inside a reference ("act_7f3a2c", "FURN_7777", "S00003") are no number; "4x" and "x4" are
const WORD = /[\p{L}']+|(?:(?<![\p{L}\p{N}_])|(?<=(?:^|\s)x))\d+(?:[.,]\d+)?(?:[  ]\d{3})*(?=[x×](?![\p{L}\p{N}_])|[^\p{L}\p{N}_]|$)|[%€$£-]/gu;

/** Every number of `text`, left to right, with its span. */
export function findNumbers(text: string): NumberMention[] {
  const tokens = [...text.matchAll(WORD)].map((match) => ({ raw: match[0], low: match[0].toLowerCase(), start: match.index, end: match.index + match[0].length }));
  const found: NumberMention[] = [];
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i]!;
    if (/^\d/.test(token.low)) {
      const value = Number(token.low.replace(/[  ]/g, "").replace(",", "."));
      let end = token.end;
      let kind: NumberMention["kind"] = "number";
      let next = i + 1;
      const after = tokens[next];
      const before = tokens[i - 1];
      if (after && after.low === "%" && after.start - end <= 1) ((kind = "percent"), (end = after.end), (next += 1));
      else if (after && /^(?:pour|per)$/.test(after.low) && /^(?:cent|cents)$/.test(tokens[next + 1]?.low ?? "")) ((kind = "percent"), (end = tokens[next + 1]!.end), (next += 2));
      else if (after && /^(?:percent|pourcent|pct)$/.test(after.low)) ((kind = "percent"), (end = after.end), (next += 1));
      else if (after && /^(?:€|\$|£|eur|euros?|usd|dollars?|chf)$/.test(after.low)) ((kind = "amount"), (end = after.end), (next += 1));
      // "2 dozen", "3 douzaines", "2 centaines": so many groups
      let count = value;
      if (kind === "number" && after && GROUPS.test(after.low) && after.start - end <= 2) ((count = value * UNITS[after.low]!), (end = after.end), (next += 1));
      let start = token.start;
      if (kind === "number" && before && /^[$€£]$/.test(before.low) && token.start - before.end <= 1) ((kind = "amount"), (start = before.start));
      if (Number.isFinite(count)) found.push({ start, end, value: count, article: false, kind });
      i = next;
      continue;
    }
    // A run of number words: "vingt et un", "quatre-vingt-dix", "a dozen", "half a dozen", "two hundred".
    let j = i;
    let total = 0;
    let current = 0;
    let words = 0;
    let last = token.end;
    while (j < tokens.length) {
      const word = tokens[j]!;
      const low = word.low;
      if (low in UNITS && !(words > 0 && ARTICLES.has(low) && !["half", "et", "and", "-"].includes(tokens[j - 1]?.low ?? ""))) {
        const value = UNITS[low]!;
        if (value === 100 || value === 1000) current = (current || 1) * value;
        else if (GROUPS.test(low)) current = (current || 1) * value;
        else if (value === 20 && current % 100 === 4) current = current - 4 + 80; // quatre-vingt(s)
        else if (value === 0.5) current = current + 0.5;
        else current += value;
        if (value === 1000) ((total += current), (current = 0));
        words += 1;
        last = word.end;
        j += 1;
        continue;
      }
      if (words > 0 && JOINERS.has(low) && tokens[j + 1] && tokens[j + 1]!.low in UNITS) {
        // "vingt et un", "twenty-five", but not "trois et deux Office Lamp" (two numbers)
        const next = tokens[j + 1]!.low;
        if ((low === "et" || low === "and") && !(current >= 20 && current % 10 === 0 && UNITS[next]! < 10 && !/^(?:a|an|une)$/.test(next))) break;
        if (low === "-" && ARTICLES.has(next) && next !== "un") break;
        if (low === "de" || low === "of" || low === "d'") break;
        j += 1;
        continue;
      }
      break;
    }
    if (words > 0) {
      const value = total + current;
      const onlyArticle = words === 1 && ARTICLES.has(token.low);
      // "half a dozen": the article inside counts for nothing; "a couple of": 2
      if (value > 0 && !(words === 1 && (token.low === "half" || token.low === "demi" || token.low === "demie" || token.low === "couple"))) {
        found.push({ start: token.start, end: last, value: words > 1 && tokens[i]!.low === "half" ? value * 1 : value, article: onlyArticle, kind: "number" });
      } else if (token.low === "couple") {
        found.push({ start: token.start, end: last, value: 2, article: false, kind: "number" });
      }
      i = j;
      continue;
    }
    i += 1;
  }
  const read = fixHalfDozen(found, text).map((mention) => {
    if (mention.kind !== "number" || mention.value <= 0 || mention.value > 100) return mention;
    // "ten percent", "dix pour cent": a percentage said in words
    const after = /^\s*(?:percent|per cent|pourcent|pour cent|pct)(?![\p{L}])/iu.exec(text.slice(mention.end));
    if (after) return { ...mention, end: mention.end + after[0].length, kind: "percent" as const };
    // "remise de 10", "a discount of 15": a discount is a percentage unless it says a currency
    if (/(?:remise|rabais|r[ée]duction|discount|escompte)\s*(?:de|of|:)?\s*$/iu.test(text.slice(Math.max(0, mention.start - 20), mention.start)) && !/^\s*(?:€|\$|£|eur|euros?|dollars?)/iu.test(text.slice(mention.end))) {
      return { ...mention, kind: "percent" as const };
    }
    return mention;
  });
  // "dix pour cent": the "cent" inside is no number of its own
  return read.filter((mention) => !read.some((other) => other !== mention && other.start <= mention.start && mention.end <= other.end));
}

/** "half a dozen" reads as half + a + dozen: 0.5 × 12. */
function fixHalfDozen(found: NumberMention[], text: string): NumberMention[] {
  return found.map((mention) => {
    const words = text.slice(mention.start, mention.end).toLowerCase();
    if (/^(?:half a dozen|une demi-douzaine|demi-douzaine|une demi douzaine)$/.test(words)) return { ...mention, value: 6, article: false };
    return mention;
  });
}
