import { createHash } from "node:crypto";
import { normalize } from "../../odoo/resolve.js";
import { editDistance } from "./entities.js";
import type { Lang } from "../../i18n.js";

/**
 * Intent from a classifier trained on phrases, not from the order of hand-written readers.
 *
 * Decided: a small softmax regression written here rather than NLP.js. Tried first, NLP.js's
 * neural NLU (4.27) trained in 3.3 s on these phrases and read "create a task to xproj" as a
 * list of tasks at 0.91 (its features left "create" and "add" out); this model trains in about
 * a second, is saved at build time, and its scores are calibrated probabilities.
 *
 * Each tool declares its phrases beside its schema (`phrases` of the tool), as templates:
 * `(a|b)` one of, `[a]` optional, `{slot}` an entity. Entities are replaced by their kind
 * before training and before reading ("xprod", "xcust"…), so the classifier learns how people
 * ask, not the catalog's names. Trained once per process, in about 0.1 s.
 */
export type PhraseSet = Partial<Record<Lang, string[]>>;
export type Reading = { intent: string; score: number; second?: { intent: string; score: number }; /** Every intent, most likely first. */ ranking?: { intent: string; score: number }[] };

/** The word an entity of each kind becomes. */
export const SLOT_WORD: Record<string, string> = {
  product: "xprod",
  customer: "xcust",
  project: "xproj",
  task: "xtask",
  user: "xuser",
  quotation: "xref",
  number: "xnum",
  percent: "xpct",
  amount: "xamt",
  date: "xdate",
};

/** Names the ERP does not know, in place of an entity now and then: the words around it must decide. */
const UNKNOWN: Record<string, string[]> = {
  customer: ["acme corp", "dupont", "globex"],
  product: ["blue widget", "chaise verte"],
  project: ["website redesign", "refonte"],
  task: ["fix the roof", "appel fournisseur"],
  user: ["sophie", "john"],
};

/** What `{lines}` and `{text}` stand for in a template. */
const LINES = ["xnum xprod", "xnum xprod et xnum xprod", "xnum xprod, xnum xprod", "xprod", "xnum x xprod", "xprod x xnum", "xnum xprod and xnum xprod", "xnum xprod xpct", "xnum xprod xamt"];
const TEXT: Record<Lang, string[]> = {
  // "xquote": a text in quotes, as the reader delexicalizes it
  en: ["call the supplier", "check the invoices", "order new tiles", "the delivery is late", "meeting with the architect moved to monday", "prepare the budget", "the tiles", "xquote"],
  fr: ["appeler le fournisseur", "vérifier les factures", "commander le carrelage", "la livraison est en retard", "réunion avec l'architecte décalée", "préparer le budget", "le carrelage", "xquote"],
};

/** Every sentence a template stands for, at most `max` of them (a fixed sample: same every build). */
export function expand(template: string, lang: Lang, max = 80): string[] {
  let forms = [""];
  const parts = template.match(/\([^)]*\)|\[[^\]]*\]|\{[^}]*\}|[^([{]+/g) ?? [];
  for (const part of parts) {
    let options: string[];
    if (part.startsWith("(")) options = part.slice(1, -1).split("|");
    else if (part.startsWith("[")) options = ["", ...part.slice(1, -1).split("|")];
    else if (part.startsWith("{")) {
      const slot = part.slice(1, -1);
      options = slot === "lines" ? LINES : slot === "text" ? TEXT[lang] : [SLOT_WORD[slot] ?? slot, SLOT_WORD[slot] ?? slot, ...(UNKNOWN[slot] ?? []).slice(0, 1)];
    } else options = [part];
    const next: string[] = [];
    for (const form of forms) for (const option of options) next.push(form + option);
    forms = next.length > 2000 ? sample(next, 2000) : next;
  }
  return sample([...new Set(forms.map((form) => form.replace(/\s+/g, " ").trim()).filter(Boolean))], max);
}

function sample<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  // a fixed pseudo-random choice: the same every build, spread over every option
  let seed = items.length;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pool = [...items];
  for (let i = pool.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, max);
}

export type Classifier = {
  classify(text: string, lang: Lang): Promise<Reading>;
  /** The trained model, to save at build time (`version`: the phrases it was trained on). */
  toJSON(): SavedModel;
};
type SavedModel = { version: string; models: Record<Lang, { intents: string[]; weights: Record<string, number[]> }> };

/** Which phrases a model was trained on: a model trained on others is not used. */
export function phrasesVersion(intents: Record<string, PhraseSet>): string {
  return createHash("sha256").update(JSON.stringify([EXPAND_VERSION, intents])).digest("base64url").slice(0, 16);
}
const EXPAND_VERSION = 4;

/** Words as the classifier sees them: no case, no accents, no elision, no plural s. */
export function features(text: string): string[] {
  const words = normalize(text)
    .replace(/\b(?:l|d|j|qu|n|s|c|m|t)'/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((word) => (word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word));
  const out = words.map((word) => `w:${word}`);
  for (let i = 0; i + 1 < words.length; i += 1) out.push(`b:${words[i]}_${words[i + 1]}`);
  if (words.length) out.push(`f:${words[0]}`);
  return out;
}

type Model = { intents: string[]; weights: Map<string, Float64Array> };

/**
 * Softmax regression over words, word pairs and the first word, trained on every phrase's
 * sentences (a few passes of stochastic gradient descent, fixed order: the same model every
 * build). Small, and its scores are probabilities: what "unsure" is measured on.
 */
function train(corpus: { utterance: string; intent: string }[]): Model {
  const intents = [...new Set(corpus.map((item) => item.intent))];
  const weights = new Map<string, Float64Array>();
  const rows = corpus.map((item) => ({ x: [...new Set([...features(item.utterance), "bias"])], y: intents.indexOf(item.intent) }));
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let epoch = 0; epoch < 12; epoch += 1) {
    for (let i = rows.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    }
    const rate = 0.3 / (1 + epoch * 0.5);
    for (const row of rows) {
      const p = probabilities(weights, intents.length, row.x);
      for (const feature of row.x) {
        let w = weights.get(feature);
        if (!w) weights.set(feature, (w = new Float64Array(intents.length)));
        for (let k = 0; k < intents.length; k += 1) w[k]! -= rate * ((p[k]! - (k === row.y ? 1 : 0)) + 0.0005 * w[k]!);
      }
    }
  }
  return { intents, weights };
}

function probabilities(weights: Map<string, Float64Array>, size: number, x: string[]): number[] {
  const scores = new Array<number>(size).fill(0);
  for (const feature of x) {
    const w = weights.get(feature);
    if (w) for (let k = 0; k < size; k += 1) scores[k]! += w[k]!;
  }
  const max = Math.max(...scores);
  const exp = scores.map((score) => Math.exp(score - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((value) => value / sum);
}

/** A word the model never saw, one typo away from one it knows ("creat", "qoute", "montr"): the known one. */
function correct(found: string[], model: Model): string[] {
  let vocabulary = vocabularies.get(model);
  if (!vocabulary) {
    vocabulary = [...model.weights.keys()].filter((key) => key.startsWith("w:")).map((key) => key.slice(2));
    vocabularies.set(model, vocabulary);
  }
  const known = vocabulary;
  const fixed = new Map<string, string>();
  const out = found.map((feature) => {
    if (!feature.startsWith("w:") || model.weights.has(feature)) return feature;
    const word = feature.slice(2);
    if (word.length < 4 || /\d/.test(word)) return feature;
    const limit = word.length >= 8 ? 2 : 1;
    const best = known.find((candidate) => Math.abs(candidate.length - word.length) <= limit && candidate[0] === word[0] && editDistance(candidate, word, limit) <= limit);
    if (!best) return feature;
    fixed.set(word, best);
    return `w:${best}`;
  });
  // the word pairs follow their corrected words
  return out.map((feature) => (feature.startsWith("b:") ? `b:${feature.slice(2).split("_").map((word) => fixed.get(word) ?? word).join("_")}` : feature));
}
const vocabularies = new WeakMap<Model, string[]>();


/** Trains one classifier a language from the phrases of every intent, or loads the model trained at build time. */
export async function trainClassifier(intents: Record<string, PhraseSet>, saved?: SavedModel): Promise<Classifier> {
  const version = phrasesVersion(intents);
  const models = {} as Record<Lang, Model>;
  for (const lang of ["en", "fr"] as const) {
    const stored = saved?.version === version ? saved.models[lang] : undefined;
    if (stored) {
      models[lang] = { intents: stored.intents, weights: new Map(Object.entries(stored.weights).map(([key, value]) => [key, Float64Array.from(value)])) };
      continue;
    }
    const corpus: { utterance: string; intent: string }[] = [];
    for (const [intent, phrases] of Object.entries(intents)) {
      for (const template of phrases[lang] ?? []) for (const utterance of expand(template, lang)) corpus.push({ utterance, intent });
    }
    models[lang] = train(corpus);
  }
  return {
    toJSON: () => ({
      version,
      models: Object.fromEntries(
        (["en", "fr"] as const).map((lang) => [lang, { intents: models[lang].intents, weights: Object.fromEntries([...models[lang].weights].map(([key, value]) => [key, [...value].map((n) => Math.round(n * 1e4) / 1e4)])) }]),
      ) as SavedModel["models"],
    }),
    async classify(text, lang) {
      // the language the request is written in (a French user may type English); a sentence that
      // mixes both is read by both, their readings averaged
      const counts = languageCounts(text);
      const languages: Lang[] = Math.abs(counts.fr - counts.en) <= 1 && counts.fr + counts.en > 1 ? ["fr", "en"] : [languageOf(text, lang)];
      const scores = new Map<string, number>();
      let anyWord = false;
      let onlyNames = true;
      for (const language of languages) {
        const model = models[language];
        const x = correct(features(text), model).filter((feature) => model.weights.has(feature));
        const words = x.filter((feature) => feature.startsWith("w:"));
        if (!words.length) continue;
        anyWord = true;
        if (!words.every((feature) => /^w:x[a-z]+$/.test(feature))) onlyNames = false;
        probabilities(model.weights, model.intents.length, [...x, "bias"]).forEach((p, index) => {
          const intent = model.intents[index]!;
          scores.set(intent, (scores.get(intent) ?? 0) + p / languages.length);
        });
      }
      // nothing the classifier knows: no reading at all; only names ("Deco Addict Office Lamp"):
      // a guess from what they are, never sure enough to act on alone
      if (!anyWord) return { intent: "None", score: 0 };
      const order = [...scores].map(([intent, score]) => ({ intent, score: onlyNames ? score / 2 : score })).sort((a, b) => b.score - a.score);
      const [first, second] = order;
      return { intent: first!.intent, score: first!.score, ...(second ? { second } : {}), ranking: order };
    },
  };
}

const FRENCH = new Set("le la les un une des du de d l au aux et ou est sont pour avec dans sur combien quel quelle quels quelles mon ma mes nos notre qui que quoi il elle nous on je tu moi crée cree fais montre affiche donne liste reste devis tâche tache tâches taches projet client stock en pas".split(" "));
const ENGLISH = new Set("the a an of for with in on to and or is are what which how many much my our we do does did i you me show list give create make new quote quotation task tasks project customer stock have any some left please can could".split(" "));

/** French or English, from the grammatical words of the text. */
export function languageOf(text: string, fallback: Lang): Lang {
  const { fr, en } = languageCounts(text);
  return fr === en ? fallback : fr > en ? "fr" : "en";
}

function languageCounts(text: string): { fr: number; en: number } {
  let fr = 0;
  let en = 0;
  for (const word of text.toLowerCase().split(/[^\p{L}']+/u)) {
    const bare = word.replace(/^[dlj]'/, "");
    if (FRENCH.has(word) || FRENCH.has(bare) || /^[dlj]'/.test(word)) fr += 1;
    if (ENGLISH.has(word)) en += 1;
  }
  return { fr, en };
}

