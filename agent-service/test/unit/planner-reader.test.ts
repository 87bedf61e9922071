import { describe, expect, it } from "vitest";
import { plannerClassifier, readRequest, findDates, clean } from "../../src/agent/planner/reader.js";
import { findEntities, bestMentions, sameWord } from "../../src/agent/planner/entities.js";
import { findNumbers } from "../../src/agent/planner/numbers.js";
import { languageOf } from "../../src/agent/planner/classifier.js";
import type { OdooClient, OdooRecord } from "../../src/odoo/odoo-client.js";
import { catalog } from "../../src/tools/index.js";

/** What Odoo answers a name search with: the records of the model whose name holds one of the words. */
function erp(records: Record<string, { name: string; default_code?: string }[]>): OdooClient & { calls: string[] } {
  const calls: string[] = [];
  const searchRead = async (model: string, domain: unknown[]) => {
    calls.push(model);
    const terms = domain.filter((term): term is [string, string, string] => Array.isArray(term));
    return (records[model] ?? [])
      .map((record, index) => ({ id: index + 1, ...record }) as OdooRecord)
      .filter((record) => terms.some(([field, op, value]) => {
        const have = String(record[field] ?? "").toLowerCase();
        return op === "=ilike" ? have === value.toLowerCase() : have.includes(value.toLowerCase());
      }));
  };
  return { calls, searchRead } as unknown as OdooClient & { calls: string[] };
}

const DEMO = erp({
  "product.product": [
    { name: "Office Chair", default_code: "FURN_7777" },
    { name: "Office Chair Black", default_code: "FURN_0269" },
    { name: "Office Lamp", default_code: "FURN_8888" },
    { name: "Large Cabinet", default_code: "E-COM07" },
    { name: "Pedal Bin", default_code: "E-COM12" },
    { name: "Table Kit" },
  ],
  "res.partner": [{ name: "Deco Addict" }, { name: "Gemini Furniture" }, { name: "Azure Interior" }, { name: "Marc Demo" }],
  "project.project": [{ name: "Office Design" }, { name: "Renovations" }],
  "project.task": [{ name: "Energy Certificate" }, { name: "Room planning" }],
  "res.users": [{ name: "Marc Demo" }, { name: "Mitchell Admin" }],
});
const TOOLS = new Set(catalog.map((tool) => tool.name));
const read = (message: string, lang: "fr" | "en" = "en") => readRequest({ message, lang, today: "2026-12-06", tools: TOOLS, odoo: DEMO });

describe("numbers as people type them", () => {
  it.each([
    ["une douzaine de chaises", 12],
    ["a dozen lamps", 12],
    ["half a dozen lamps", 6],
    ["deux lampes", 2],
    ["vingt et un bureaux", 21],
    ["quatre-vingt-dix", 90],
    ["twenty-five desks", 25],
    ["3,5 kg", 3.5],
  ])("%s → %d", (text, value) => {
    expect(findNumbers(text)[0]?.value).toBe(value);
  });

  it("tells a discount and a price from a quantity, and an article from a number", () => {
    expect(findNumbers("10% off at $120 each").map((n) => [n.value, n.kind])).toEqual([[10, "percent"], [120, "amount"]]);
    expect(findNumbers("remise de 15 %, à 800 € pièce").map((n) => [n.value, n.kind])).toEqual([[15, "percent"], [800, "amount"]]);
    expect(findNumbers("une Office Lamp")[0]).toMatchObject({ value: 1, article: true });
    expect(findNumbers("trois et deux").map((n) => n.value)).toEqual([3, 2]);
  });
});

describe("dates in both languages", () => {
  it.each([
    ["pour le 18 décembre", "fr", "2026-12-18"],
    ["avant vendredi prochain", "fr", "2026-12-11"],
    ["le 15/12/2026", "fr", "2026-12-15"],
    ["by next Friday", "en", "2026-12-11"],
    ["due Dec 20", "en", "2026-12-20"],
    ["deadline January 8, 2027", "en", "2027-01-08"],
  ])("%s → %s", (text, lang, iso) => {
    expect(findDates(text, lang as "fr" | "en", "2026-12-06")[0]?.value).toBe(iso);
  });

  it("does not take a price or a quantity for a day", () => {
    expect(findDates("12 Drawer à 18 € pièce", "fr", "2026-12-06")).toEqual([]);
    expect(findDates("3 Office Chair", "en", "2026-12-06")).toEqual([]);
  });
});

describe("entities found in the ERP", () => {
  it("matches names without case or accents, with a plural or a typo, and references exactly", async () => {
    const mentions = await findEntities("devis gemini furnitur: 3 office chairs et FURN_8888", DEMO, ["product", "customer"]);
    const best = bestMentions(mentions).map((m) => [m.kind, m.text, m.value, m.whole]);
    expect(best).toEqual([
      ["customer", "gemini furnitur", "Gemini Furniture", true],
      ["product", "office chairs", "Office Chair", true],
      ["product", "FURN_8888", "FURN_8888", true],
    ]);
    expect(sameWord("chiar", "chair")).toBe(true); // two letters swapped: one typo
    expect(sameWord("lamb", "lamp")).toBe(false); // too short for a typo
    expect(sameWord("furnitur", "furniture")).toBe(true);
    expect(sameWord("FURN_8888".toLowerCase(), "furn_8889")).toBe(true); // names only: references are matched by Odoo, exactly
  });

  it("keeps the longest whole name, and leaves what the user quotes alone", async () => {
    const mentions = bestMentions(await findEntities('quote Deco Addict 2 Office Chair Black, note "Office Lamp later"', DEMO, ["product", "customer"]));
    expect(mentions.map((m) => m.value)).toEqual(["Deco Addict", "Office Chair Black"]);
  });

  it("searches only with the request's words, one search a kind", async () => {
    DEMO.calls.length = 0;
    await findEntities("stock of Large Cabinet", DEMO, ["product", "customer", "project", "task", "user"]);
    expect(DEMO.calls.sort()).toEqual(["product.product", "project.project", "project.task", "res.partner", "res.users"]);
    DEMO.calls.length = 0;
    await findEntities("stock ?", DEMO, ["product"]);
    expect(DEMO.calls).toEqual([]);
  });
});

describe("intent from the classifier, and its confidence", () => {
  it("reads the language a request is written in", () => {
    expect(languageOf("do we have any of those left", "fr")).toBe("en");
    expect(languageOf("il nous en reste des chaises ?", "en")).toBe("fr");
  });

  it("is sure on clear requests, and reads none on what it does not know", async () => {
    const classifier = await plannerClassifier();
    const sure = await classifier.classify("create a task to xproj", "en");
    expect(sure.intent).toBe("create_task");
    expect(sure.score).toBeGreaterThan(0.7);
    expect((await classifier.classify("combien de xprod il nous reste", "fr")).intent).toBe("get_stock");
    expect((await classifier.classify("zzz qqq", "en")).intent).toBe("None");
  });

  it("cleans greetings, thanks and bullets around a request", () => {
    expect(clean("Hi! could you quote Deco Addict:\n- 3 Office Chair\n- 2 Office Lamp\nthanks a lot!")).toBe("quote Deco Addict:, 3 Office Chair, 2 Office Lamp");
  });
});

describe("the reader, end to end on an ERP's names", () => {
  it.each([
    ["do we have any Large Cabinet left?", "get_stock", { product: "Large Cabinet" }],
    ["il nous en reste des Pedal Bin ?", "get_stock", { product: "Pedal Bin" }],
    ["can I sell 20 Office Lamp?", "get_stock", { product: "Office Lamp", quantity: 20 }],
    ["Deco Addict's quotes", "list_quotations", { customer: "Deco Addict" }],
    ["mark Energy Certificate as done", "update_task", { task: "Energy Certificate", stage: "Done" }],
    ["assign Room planning to Marc Demo", "update_task", { task: "Room planning", assignee: "Marc Demo" }],
    ["les tâches en retard de Marc Demo", "list_tasks", { assignee: "Marc Demo", overdue: true }],
    ["where are we on Office Design?", "project_summary", { project: "Office Design" }],
    ["Passe le devis S00003 en bon de commande", "confirm_quotation", { quotation: "S00003" }],
    ["Note pour Renovations : livraison lundi", "log_project_note", { project: "Renovations", body: "livraison lundi" }],
    ["which components do I need for one Table Kit?", "show_kit", { kit: "Table Kit" }],
    ["how many Large Cabinet do we have in the Lyon warehouse?", "get_stock", { product: "Large Cabinet", warehouse: "Lyon" }],
    ["stock de Pedal Bin dans l'entrepôt de Lyon", "get_stock", { product: "Pedal Bin", warehouse: "Lyon" }],
    ["qu'est-ce qu'il y a dans le kit Table Kit ?", "show_kit", { kit: "Table Kit" }],
    ["find the products with 'cabinet' in their name", "search_products", { query: "cabinet" }],
    ["when is the deadline of Energy Certificate?", "get_task", { task: "Energy Certificate" }],
  ])("%s", async (message, tool, args) => {
    const { intent } = await read(message, /[éèàç]|\b(?:les|des|le|pour)\b/.test(message) ? "fr" : "en");
    expect(intent).toMatchObject({ kind: "tool", tool, args });
  });

  it("reads a kind then a name as one product ('deux canapés Three-Seat Sofa', '3 chairs Office Chair')", async () => {
    const shop = erp({ "product.product": [{ name: "Three-Seat Sofa" }, { name: "Office Lamp" }, { name: "Office Chair" }], "res.partner": [{ name: "Lumber Inc" }] });
    const tools = new Set(catalog.map((tool) => tool.name));
    const fr = await readRequest({ message: "fais un devis pour Lumber Inc avec deux canapés Three-Seat Sofa et cinq lampes de bureau", lang: "fr", today: "2026-12-06", tools, odoo: shop });
    expect(fr.intent).toMatchObject({ kind: "tool", tool: "create_quotation", args: { customer: "Lumber Inc", lines: [{ product: "Three-Seat Sofa", quantity: 2 }, { product: "Office Lamp", quantity: 5 }] } });
    const en = await readRequest({ message: "quote Lumber Inc 3 chairs Office Chair and 2 lamps", lang: "en", today: "2026-12-06", tools, odoo: shop });
    expect(en.intent).toMatchObject({ args: { lines: [{ product: "Office Chair", quantity: 3 }, { product: "Office Lamp", quantity: 2 }] } });
  });

  it("attaches quantities, discounts and prices to the product they stand next to", async () => {
    const { intent } = await read("Hi! devis Deco Addict une douzaine de Office Lamp avec 10% de remise et 2 Office Chair à 800 € pièce, merci", "fr");
    expect(intent).toEqual({
      kind: "tool",
      tool: "create_quotation",
      args: { customer: "Deco Addict", lines: [{ product: "Office Lamp", quantity: 12, discount: 10 }, { product: "Office Chair", quantity: 2, price_unit: 800 }] },
    });
  });

  it("takes no greeting or thanks for a product", async () => {
    const { intent } = await read("Hi! could you quote Deco Addict a dozen Office Lamp with 10% off, thanks a lot");
    expect(intent).toEqual({ kind: "tool", tool: "create_quotation", args: { customer: "Deco Addict", lines: [{ product: "Office Lamp", quantity: 12, discount: 10 }] } });
  });

  it("asks rather than guesses: a missing number, quantity or title is a question, never a write", async () => {
    expect((await read("confirme le devis", "fr")).intent).toMatchObject({ kind: "ask", key: "planner.ask_quotation" });
    expect((await read("devis pour Azure Interior avec des Office Lamp", "fr")).intent).toMatchObject({ kind: "ask", key: "quote.ask_lines" });
    expect((await read("ajoute une tâche au projet Renovations", "fr")).intent).toMatchObject({ kind: "ask", key: "planner.ask_title" });
    expect((await read("what's the weather like in Paris?")).intent.kind).not.toBe("tool");
  });
});

describe("quantities with their units, prices after the quantity, and names of what a request is about", () => {
  it.each([
    ["Quote Azure Interior:\n• Office Lamp x 4 (-5%)\n• Office Chair x 2 -10%\n• Pedal Bin x 3", "create_quotation", { customer: "Azure Interior", lines: [{ product: "Office Lamp", quantity: 4, discount: 5 }, { product: "Office Chair", quantity: 2, discount: 10 }, { product: "Pedal Bin", quantity: 3 }] }],
    ["devis Deco Addict pour 12 h de Table Kit à 60 € de l'heure", "create_quotation", { customer: "Deco Addict", lines: [{ product: "Table Kit", quantity: 12, price_unit: 60 }] }],
    ["quote Gemini Furniture Table Kit 6 hours and 2 Office Lamp", "create_quotation", { customer: "Gemini Furniture", lines: [{ product: "Table Kit", quantity: 6 }, { product: "Office Lamp", quantity: 2 }] }],
    ["how many Pedal Bin in WH2?", "get_stock", { product: "Pedal Bin", warehouse: "WH2" }],
    ["what's on s00007?", "get_quotation", { quotation: "S00007" }],
    ["anything late for Marc Demo?", "list_tasks", { assignee: "Marc Demo", overdue: true }],
    ["lower the Office Lamp price on S00003 to 120", "update_quotation", { quotation: "S00003", change: [{ product: "Office Lamp", price_unit: 120 }] }],
    ["forget the thing about my Gemini Furniture discount", "forget", { fact: "Gemini Furniture discount" }],
    ["add a task to Renovations called 'Order tiles' - description: the blue ones from the catalogue", "create_task", { project: "Renovations", title: "Order tiles", description: "the blue ones from the catalogue" }],
    ["Office Design: what changed in the plans?", "ask_project", { project: "Office Design", question: "what changed in the plans" }],
    ["any client with 'azure' in the name?", "search_customers", { query: "azure" }],
  ])("%s", async (message, tool, args) => {
    const { intent } = await read(message, /[éèàç]|\b(?:les|des|le|pour|devis)\b/.test(message) ? "fr" : "en");
    expect(intent).toMatchObject({ kind: "tool", tool, args });
  });

  it("reads 'next Friday' and 'vendredi prochain' as the Friday to come", () => {
    // 2026-12-07 is a Monday
    expect(findDates("create it for next Friday", "en", "2026-12-07").map((date) => date.value)).toEqual(["2026-12-11"]);
    expect(findDates("pour vendredi prochain", "fr", "2026-12-07").map((date) => date.value)).toEqual(["2026-12-11"]);
    expect(findDates("pour vendredi de la semaine prochaine", "fr", "2026-12-07").map((date) => date.value)).toEqual(["2026-12-18"]);
    expect(findDates("due Friday next week", "en", "2026-12-11").map((date) => date.value)).toEqual(["2026-12-18"]);
  });
});

describe("follow-ups, read against the previous request", () => {
  const follow = (previous: string, message: string, lang: "fr" | "en" = "en") => readRequest({ message, previous, lang, today: "2026-12-06", tools: TOOLS, odoo: DEMO });

  it("asks the same for another record of the kind it names", async () => {
    expect((await follow("Quel est le stock de Large Cabinet ?", "et pour Pedal Bin ?", "fr")).intent).toEqual({ kind: "tool", tool: "get_stock", args: { product: "Pedal Bin" } });
    expect((await follow("Show the quotations of Deco Addict", "and for Azure Interior?")).intent).toMatchObject({ tool: "list_quotations", args: { customer: "Azure Interior" } });
    expect((await follow("where are we on Office Design?", "same for Renovations")).intent).toMatchObject({ tool: "project_summary", args: { project: "Renovations" } });
  });

  it("adds more of what was just talked about", async () => {
    expect((await follow("devis Deco Addict 3 Office Chair", "ajoute-en 2", "fr")).intent).toMatchObject({ tool: "create_quotation", args: { customer: "Deco Addict", lines: [{ product: "Office Chair", quantity: 5 }] } });
    expect((await follow("stock of Office Lamp", "add 2 more to S00003")).intent).toMatchObject({ tool: "update_quotation", args: { quotation: "S00003", add: [{ product: "Office Lamp", quantity: 2 }] } });
    expect((await follow("stock of Office Lamp", "ajoute-en 2", "fr")).intent).toMatchObject({ kind: "ask", key: "planner.ask_quotation" });
  });

  it("acts on the reading it offered once the user answers its question", async () => {
    const asked = (await follow("stock of Office Lamp", "Deco Addict Office Lamp")).intent;
    expect(asked).toMatchObject({ kind: "ask", key: "planner.confirm_reading" });
    expect((await follow("Deco Addict Office Lamp", "yes please")).intent).toMatchObject({ kind: "tool", tool: "create_quotation", args: { customer: "Deco Addict", lines: [{ product: "Office Lamp", quantity: 1 }] } });
    // "yes" to a proposal already shown: the card applies it, not the word
    expect((await follow("devis Deco Addict 3 Office Chair", "oui", "fr")).intent).toMatchObject({ kind: "ask", key: "planner.use_card" });
    // a bare name that only reads is read at once
    expect((await read("Large Cabinet")).intent).toEqual({ kind: "tool", tool: "get_stock", args: { product: "Large Cabinet" } });
  });

  it("reads a new request as new, whatever came before", async () => {
    expect((await follow("stock of Office Lamp", "Deco Addict's quotes")).intent).toMatchObject({ tool: "list_quotations", args: { customer: "Deco Addict" } });
  });
});

describe("what people say beyond the words (corrections, groups, periods, the other language)", () => {
  it("counts groups: dozens, a score of French -aines", () => {
    expect(findNumbers("2 dozen Storage Boxes")[0]?.value).toBe(24);
    expect(findNumbers("deux douzaines de vis")[0]?.value).toBe(24);
    expect(findNumbers("une vingtaine de Pedal Bin")[0]?.value).toBe(20);
    expect(findNumbers("une quinzaine de chaises")[0]?.value).toBe(15);
    expect(findNumbers("the score was 3").map((n) => n.value)).toEqual([3]);
  });

  it("a correction replaces what it corrects, where it was said", async () => {
    const quote = await read("Devis pour Deco Addict : 3 Office Chair — non, mets-en 5 — et 2 Office Lamp", "fr");
    expect(quote.intent).toMatchObject({ kind: "tool", tool: "create_quotation", args: { lines: [{ product: "Office Chair", quantity: 5 }, { product: "Office Lamp", quantity: 2 }] } });
    const english = await read("Quote Deco Addict 4 Office Chair, wait no, make it 6, and 2 Office Lamp");
    expect(english.intent).toMatchObject({ args: { lines: [{ product: "Office Chair", quantity: 6 }, { product: "Office Lamp", quantity: 2 }] } });
    // "no, 5 Office Lamp": a new line, not a correction
    const added = await read("Quote Deco Addict 3 Office Chair, no, 5 Office Lamp too");
    expect(added.intent).toMatchObject({ args: { lines: [{ product: "Office Chair", quantity: 3 }, { product: "Office Lamp", quantity: 5 }] } });
    const task = await read("Nouvelle tâche dans Renovations : \"Devis carrelage\", échéance mercredi. Ah non, plutôt vendredi.", "fr");
    expect(task.intent).toMatchObject({ kind: "tool", tool: "create_task", args: { deadline: "2026-12-11" } });
  });

  it("the end of a week is its Friday, the end of a month its last day", () => {
    expect(findDates("due end of next week", "en", "2026-12-07").map((d) => d.value)).toEqual(["2026-12-18"]);
    expect(findDates("d'ici la fin de la semaine", "fr", "2026-12-07").map((d) => d.value)).toEqual(["2026-12-11"]);
    expect(findDates("avant la fin du mois", "fr", "2026-12-07").map((d) => d.value)).toEqual(["2026-12-31"]);
    expect(findDates("by the end of next month", "en", "2026-12-07").map((d) => d.value)).toEqual(["2027-01-31"]);
  });

  it("names a product in the other language, in any order, with its joining words", async () => {
    const quote = await read("Crée un devis pour Deco Addict avec 3 lampes de bureau et 2 grandes armoires", "fr");
    expect(quote.intent).toMatchObject({ kind: "tool", tool: "create_quotation", args: { lines: [{ product: "Office Lamp", quantity: 3 }, { product: "Large Cabinet", quantity: 2 }] } });
    const stock = await read("il reste combien de poubelles à pédale ?", "fr");
    expect(stock.intent).toMatchObject({ kind: "tool", tool: "get_stock", args: { product: "Pedal Bin" } });
    // one translated word names a kind of product, by its translation, for the resolver to ask
    // which ("chaises" may be several chairs), and only as the head noun of a name
    const chairs = await findEntities("combien de chaises ?", DEMO, ["product"]);
    expect(bestMentions(chairs)[0]).toMatchObject({ text: "chaises", value: "chair", whole: false });
    // another order of an English name, and a compound said in French, are whole names
    expect(bestMentions(await findEntities("10 black office chairs", DEMO, ["product"]))[0]).toMatchObject({ value: "Office Chair Black", whole: true });
    // words that are no product stay words
    expect(bestMentions(await findEntities("le bureau d'études appelle demain", DEMO, ["product"]))).toEqual([]);
  });

  it("a product and its reference in brackets are one line; a word of a longer name in the story is no line", async () => {
    const bracket = await read("devis pour Gemini Furniture avec une dizaine de Large Cabinet (E-COM07) à 300 € pièce", "fr");
    expect(bracket.intent).toMatchObject({ args: { lines: [{ product: "E-COM07", quantity: 10, price_unit: 300 }] } });
    const story = await read("Azure Interior is moving to a new office in January and needs 6 Office Chair and 2 Large Cabinet, can you quote it?");
    expect((story.intent as unknown as { args: { lines: unknown[] } }).args.lines).toEqual([{ product: "Office Chair", quantity: 6 }, { product: "Large Cabinet", quantity: 2 }]);
  });

  it("feasts, mid-months and days in words; percentages in words and discounts without a sign", () => {
    const on = (text: string, lang: "fr" | "en") => findDates(text, lang, "2026-12-07").map((d) => d.value);
    expect(on("avant Noël", "fr")).toEqual(["2026-12-24"]);
    expect(on("due mid January", "en")).toEqual(["2027-01-15"]);
    expect(on("échéance le trois janvier", "fr")).toEqual(["2027-01-03"]);
    expect(on("vérifier les fenêtres quinze janvier deux mille vingt-sept", "fr")).toEqual(["2027-01-15"]);
    expect(findNumbers("with ten percent off").map((n) => [n.value, n.kind])).toEqual([[10, "percent"]]);
    expect(findNumbers("dix pour cent").map((n) => [n.value, n.kind])).toEqual([[10, "percent"]]);
    expect(findNumbers("remise de 10 sur tout").map((n) => [n.value, n.kind])).toEqual([[10, "percent"]]);
    expect(findNumbers("une remise de 50 € sur le total").filter((n) => !n.article).map((n) => [n.value, n.kind])).toEqual([[50, "amount"]]);
  });

  it("asks how many when an addition says none", async () => {
    expect((await read("rajoute des Office Lamp sur le S00001 stp", "fr")).intent).toMatchObject({ kind: "ask", key: "quote.ask_quantity" });
  });
});
