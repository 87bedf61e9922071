import { describe, expect, it } from "vitest";
import { parseIntent, parseLines } from "../../src/agent/planner/parse.js";

describe("the offline planner", () => {
  it.each([
    ["Crée moi un devis pour le client Deco Addict avec 3 Office Chair et 2 Office Lamp", "Deco Addict", [["Office Chair", 3], ["Office Lamp", 2]]],
    ["Create a quote for Azure Interior: 5 Desk Combination and 1 Large Meeting Table", "Azure Interior", [["Desk Combination", 5], ["Large Meeting Table", 1]]],
    ["Fais un devis à Gemini Furniture pour 10 Storage Box", "Gemini Furniture", [["Storage Box", 10]]],
    ["new quotation for Ready Mat with a Pedal Bin", "Ready Mat", [["Pedal Bin", 1]]],
    ["Quote for The Jackson Group, 4x Office Chair Black and 4x Desk Pad", "The Jackson Group", [["Office Chair Black", 4], ["Desk Pad", 4]]],
    ["prépare un devis pour Lumber Inc avec deux Office Lamp, une douzaine de Desk Pad et Office Chair x 3", "Lumber Inc", [["Office Lamp", 2], ["Desk Pad", 12], ["Office Chair", 3]]],
    ["/devis Deco Addict: 2 [FURN_7777] Office Chair", "Deco Addict", [["[FURN_7777] Office Chair", 2]]],
  ])("reads a quotation request: %s", (message, customer, lines) => {
    expect(parseIntent(message)).toEqual({
      kind: "tool",
      tool: "create_quotation",
      args: { customer, lines: lines.map(([product, quantity]) => ({ product, quantity })) },
    });
  });

  it.each([
    ["Quel est le stock de Large Cabinet ?", "Large Cabinet"],
    ["What is the stock of Large Cabinet?", "Large Cabinet"],
    ["How many Storage Box do we have on hand?", "Storage Box"],
    ["Combien de Pedal Bin en stock ?", "Pedal Bin"],
    ["stock of Cable Management Box", "Cable Management Box"],
    ["/stock Office Chair", "Office Chair"],
    ["Large Cabinet en stock ?", "Large Cabinet"],
  ])("reads a stock question: %s", (message, product) => {
    expect(parseIntent(message)).toEqual({ kind: "tool", tool: "get_stock", args: { product } });
  });

  it("keeps the quantity of an 'enough to sell' question", () => {
    expect(parseIntent("Est-ce qu'on a assez de Drawer Black pour en vendre 50 ?")).toEqual({
      kind: "tool",
      tool: "get_stock",
      args: { product: "Drawer Black", quantity: 50 },
    });
  });

  it.each([
    ["Cherche le client Lumber", "search_customers", "Lumber"],
    ["find customer 'azure'", "search_customers", "azure"],
    ["Find products matching 'drawer'", "search_products", "drawer"],
    ["recherche les produits contenant Desk", "search_products", "Desk"],
  ])("reads a search: %s", (message, tool, query) => {
    expect(parseIntent(message)).toEqual({ kind: "tool", tool, args: { query } });
  });

  it("refuses destructive requests and answers greetings with help", () => {
    expect(parseIntent("Delete all customers")).toEqual({ kind: "refuse_destructive" });
    expect(parseIntent("supprime le devis S00001")).toEqual({ kind: "refuse_destructive" });
    expect(parseIntent("Bonjour, que peux-tu faire ?")).toEqual({ kind: "help" });
    expect(parseIntent("what's the weather like")).toEqual({ kind: "unknown" });
  });

  it("does not take the start of a product name for a quantity or an article", () => {
    expect(parseLines("3 Office Chair, 1 Desk Pad, Large Cabinet, an Acoustic Bloc Screens")).toEqual([
      { product: "Office Chair", quantity: 3 },
      { product: "Desk Pad", quantity: 1 },
      { product: "Large Cabinet", quantity: 1 },
      { product: "Acoustic Bloc Screens", quantity: 1 },
    ]);
  });
});
