import { QUANTITY_WORDS, findNumbers } from "./numbers.js";

/** Quantities as the shape reader's patterns cut them out: digits, "3,5", a number word, "a dozen" / "une douzaine". */
export const QUANTITY = String.raw`(?:\d+(?:[.,]\d+)?|a\s+dozen|une\s+douzaine|${[...QUANTITY_WORDS].sort((a, b) => b.length - a.length).join("|")})`;

/** The value of a quantity cut out by QUANTITY: read by the one number reader (`findNumbers`). */
export function parseQuantity(text: string): number | undefined {
  const value = text.trim().replace(/\s+/g, " ");
  if (/^\d+(?:[.,]\d+)?$/.test(value)) return Number(value.replace(",", "."));
  const [number, ...others] = findNumbers(value);
  return number && !others.length && number.start === 0 && number.end === value.length && number.kind === "number" ? number.value : undefined;
}
