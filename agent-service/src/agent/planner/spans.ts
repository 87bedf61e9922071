/** Spans of the request's text, and corrections ("3 Office Chair — non, mets-en 5"): shared by the reader and the argument readers. */

export type Span = { start: number; end: number };
export const inside = (span: Span, mentions: Span[]) => mentions.some((mention) => mention.start < span.end && span.start < mention.end);

export type DateMention = Span & { value: string };

/** What a user says to correct what they just said: "no, make it", "non, mets-en", "ah non, plutôt", "I mean". */
const CORRECTION_CUE = /(?:(?<![\p{L}])(?:non|no|nope|wait|attends|sorry|pardon|oops|oups|actually|en fait|i mean|je veux dire|make (?:it|that)|mets[- ]en|fais[- ]en|mettez[- ]en|change (?:it|that) to|rather|plut[ôo]t|instead|correction)(?![\p{L}])[\s,.:;!…—–-]*)+$/iu;
const CORRECTION_AFTER = /^\s*(?:plut[ôo]t|instead|rather|à la place|a la place)(?![\p{L}])/iu;

/**
 * The values a user corrected, replaced by the correction, where the first was said (so a quantity
 * stays with its product): "3 Office Chair — non, mets-en 5" reads 5 Office Chair; "échéance
 * mercredi. Ah non, plutôt vendredi" reads vendredi. A correction followed by a name of its own
 * ("no, 5 Office Lamp") is a new line, not a correction.
 */
export function corrected<T extends { start: number; end: number; value: unknown; kind?: string }>(text: string, mentions: T[], names: Span[]): T[] {
  const out = [...mentions];
  for (let index = 1; index < out.length; index += 1) {
    const said = out[index]!;
    const before = text.slice(Math.max(0, said.start - 32), said.start);
    const cue = CORRECTION_CUE.exec(before);
    const cueAfter = CORRECTION_AFTER.test(text.slice(said.end)) && /(?<![\p{L}])(?:non|no|nope|wait|attends|ah|oh)[\s,.!…—–-]*$/iu.test(before);
    if (!cue && !cueAfter) continue;
    if (names.some((name) => name.start >= said.end && name.start - said.end <= 4)) continue;
    const cueStart = said.start - before.length + (cue ? cue.index : before.length);
    const corrects = [...out.slice(0, index)].reverse().findIndex((earlier) => earlier.kind === said.kind && earlier.end <= cueStart);
    if (corrects < 0) continue;
    const at = index - 1 - corrects;
    out[at] = { ...out[at]!, value: said.value };
    out.splice(index, 1);
    index -= 1;
  }
  return out;
}
