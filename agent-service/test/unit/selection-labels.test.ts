import { describe, expect, it } from "vitest";
import { withHelpers } from "../../src/odoo/odoo-client.js";
import { selectionLabels } from "../../src/odoo/selection-labels.js";

describe("Odoo's own labels of its states", () => {
  it("reads a selection's labels with fields_get, once per database, language and field (not on the bridge)", async () => {
    let calls = 0;
    let fail = false;
    const odoo = withHelpers(async <T,>(model: string, method: string, args: unknown[]): Promise<T> => {
      calls += 1;
      if (fail) throw new Error("Odoo is down");
      expect([model, method, args]).toEqual(["sale.order", "fields_get", [["state"]]]);
      return { state: { selection: [["draft", "Devis"], ["sale", "Bon de commande"], ["odd"]] } } as T;
    });
    const labels = selectionLabels(odoo, { db: "labels-test-1", lang: "fr_FR" }, { tool: "t" });
    expect(await labels("sale.order", "state")).toEqual({ draft: "Devis", sale: "Bon de commande" });
    expect(await labels("sale.order", "state")).toEqual({ draft: "Devis", sale: "Bon de commande" });
    expect(calls).toBe(1);
    // another language is another cache entry; the bridge asks each time
    await selectionLabels(odoo, { db: "labels-test-1", lang: "en_US" }, { tool: "t" })("sale.order", "state");
    const bridged = selectionLabels(odoo, { db: "labels-test-1", lang: "fr_FR" }, { tool: "t" }, false);
    await bridged("sale.order", "state");
    await bridged("sale.order", "state");
    expect(calls).toBe(4);
    // Odoo down: no labels (the raw value shows), and nothing kept
    fail = true;
    const down = selectionLabels(odoo, { db: "labels-test-2", lang: "fr_FR" }, { tool: "t" });
    expect(await down("sale.order", "state")).toEqual({});
    fail = false;
    expect(await down("sale.order", "state")).toEqual({ draft: "Devis", sale: "Bon de commande" });
  });
});
