import { describe, expect, it } from "vitest";
import { htmlToText, rankBm25, splitPassages } from "../../src/retrieval/bm25.js";

describe("BM25 retrieval", () => {
  const passages = [
    { text: "The supplier moved the furniture delivery to next Tuesday.", source: "a" },
    { text: "Customer asked for darker desks in the meeting rooms.", source: "b" },
    { text: "Livraison du carrelage reportée à lundi.", source: "c" },
    { text: "Meeting notes: budget approved.", source: "d" },
  ];

  it("ranks the passages that share rare words with the question first, in French and English", () => {
    expect(rankBm25("when is the furniture delivery?", passages, 3).map((p) => p.source)).toEqual(["a"]);
    expect(rankBm25("livraison carrelage", passages, 3).map((p) => p.source)).toEqual(["c"]);
    expect(rankBm25("desks meeting", passages, 3).map((p) => p.source)).toEqual(["b", "d"]);
    expect(rankBm25("the of and", passages, 3)).toEqual([]);
  });

  it("reads Odoo's HTML and cuts long texts into passages", () => {
    expect(htmlToText("<p>Tiles &amp; <b>grout</b></p><p>Monday</p>")).toBe("Tiles & grout \n Monday");
    const long = Array.from({ length: 40 }, (_, i) => `Sentence number ${i} is here.`).join(" ");
    const parts = splitPassages(long, 200);
    expect(parts.length).toBeGreaterThan(4);
    expect(parts.every((part) => part.length <= 230)).toBe(true);
  });
});
