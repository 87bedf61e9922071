/** Quantities as people write them: digits, "3,5", number words, "a dozen" / "une douzaine". */
const words: Record<string, number> = {
  a: 1, an: 1, one: 1, un: 1, une: 1, two: 2, deux: 2, three: 3, trois: 3, four: 4, quatre: 4,
  five: 5, cinq: 5, six: 6, seven: 7, sept: 7, eight: 8, huit: 8, nine: 9, neuf: 9, ten: 10, dix: 10,
  eleven: 11, onze: 11, twelve: 12, douze: 12, fifteen: 15, quinze: 15, twenty: 20, vingt: 20,
  thirty: 30, trente: 30, fifty: 50, cinquante: 50, hundred: 100, cent: 100,
};

export const QUANTITY = String.raw`(?:\d+(?:[.,]\d+)?|a\s+dozen|une\s+douzaine|${Object.keys(words).sort((a, b) => b.length - a.length).join("|")})`;

export function parseQuantity(text: string): number | undefined {
  const value = text.trim().toLowerCase().replace(/\s+/g, " ");
  if (/^\d+(?:[.,]\d+)?$/.test(value)) return Number(value.replace(",", "."));
  if (value === "a dozen" || value === "une douzaine") return 12;
  return words[value];
}
