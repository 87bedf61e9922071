import { describe, expect, it } from "vitest";
import { applyScreen, describeScreen, findDeictic, readScreen, type ScreenView } from "../../src/agent/screen.js";
import { withHelpers, type OdooRecord } from "../../src/odoo/odoo-client.js";

const order: ScreenView = { quotation: [{ id: 12, name: "S00012" }], customer: [{ id: 10, name: "Deco Addict" }] };

describe("the screen as context", () => {
  it("finds what a request points at, in French and English, singular or plural", () => {
    expect(findDeictic("Crée un devis pour ce client avec 3 Office Chair")).toMatchObject({ kind: "customer", plural: false });
    expect(findDeictic("confirm this quote")).toMatchObject({ kind: "quotation" });
    expect(findDeictic("passe cette commande en bon de commande")).toMatchObject({ kind: "quotation" });
    expect(findDeictic("mark these tasks as done")).toMatchObject({ kind: "task", plural: true });
    expect(findDeictic("le projet actuel a combien de tâches ?")).toMatchObject({ kind: "project" });
    expect(findDeictic("stock de cet article")).toMatchObject({ kind: "product" });
    // no pointing: the open quotations of a customer, a quote for a named customer
    expect(findDeictic("show the open quotations of Deco Addict")).toBeUndefined();
    expect(findDeictic("devis pour Deco Addict, 3 chaises")).toBeUndefined();
  });

  it("puts the record's name in place of 'this customer' when the screen shows exactly one", () => {
    expect(applyScreen("Crée un devis pour ce client avec 3 Office Chair", order, "fr")).toEqual({ text: "Crée un devis pour le client Deco Addict avec 3 Office Chair" });
    expect(applyScreen("confirm this quote please", order, "en")).toEqual({ text: "confirm the quote S00012 please" });
  });

  it("asks rather than guesses: nothing of that kind on screen, or several", () => {
    const none = applyScreen("what is the stock of this product?", order, "en");
    expect(none).toMatchObject({ ask: "screen.ask_none", params: { which: "Which product" } });
    const several = applyScreen("marque cette tâche comme faite", { task: [{ id: 1, name: "Energy Certificate" }, { id: 2, name: "Usability review" }] }, "fr");
    expect(several).toMatchObject({ ask: "screen.ask_which", params: { which: "Quelle tâche", names: "Energy Certificate, Usability review" } });
  });

  it("reads 'ce devis S00003' and 'this customer Deco Addict' as named, whatever the screen", () => {
    expect(applyScreen("confirme ce devis S00003", order, "fr")).toEqual({ text: "confirme ce devis S00003" });
    expect(applyScreen("quote this customer 'Azure Interior' 3 chairs", {}, "en")).toEqual({ text: "quote this customer 'Azure Interior' 3 chairs" });
  });

  it("reads the screen's records as the user, with the customer of an order and the project of a task", async () => {
    const calls: unknown[][] = [];
    const rows: Record<string, OdooRecord[]> = {
      "sale.order": [{ id: 12, name: "S00012", partner_id: [10, "Deco Addict"] }],
      "project.task": [{ id: 3, name: "Energy Certificate", project_id: [2, "Office Design"] }, { id: 4, name: "Usability review", project_id: [2, "Office Design"] }],
    };
    const odoo = withHelpers(async <T,>(model: string, method: string, args: unknown[]): Promise<T> => {
      calls.push([model, method, args]);
      if (model === "res.partner") throw new Error("AccessError");
      return (rows[model] ?? []) as T;
    });
    expect(await readScreen(odoo, { model: "sale.order", ids: [12] })).toEqual(order);
    expect(await readScreen(odoo, { model: "project.task", ids: [3, 4, 4] })).toEqual({
      task: [{ id: 3, name: "Energy Certificate" }, { id: 4, name: "Usability review" }],
      project: [{ id: 2, name: "Office Design" }],
    });
    // a record the user may not read, a model no request names: nothing
    expect(await readScreen(odoo, { model: "res.partner", ids: [10] })).toEqual({});
    expect(await readScreen(odoo, { model: "account.move", ids: [1] })).toEqual({});
    expect(calls.map((call) => call[0])).toEqual(["sale.order", "project.task", "res.partner"]);
    expect(describeScreen(order)).toContain('quotation: "S00012"; customer: "Deco Addict"');
  });
});
