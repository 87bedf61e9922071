import { describe, expect, it } from "vitest";
import { formatMoney, formatQuantity, langOf, t } from "../../src/i18n.js";

describe("replies in the user's language", () => {
  it("picks French for any fr_* Odoo language and English otherwise", () => {
    expect(langOf("fr_FR")).toBe("fr");
    expect(langOf("fr_BE")).toBe("fr");
    expect(langOf("nl_NL")).toBe("en");
    expect(langOf(undefined)).toBe("en");
  });

  it("formats amounts and quantities as Odoo shows them", () => {
    expect(formatMoney("en", 1234.5, { name: "USD", symbol: "$", position: "before" })).toBe("$\u00a01,234.50");
    expect(formatMoney("fr", 1234.5, { name: "EUR", symbol: "€", position: "after" })).toBe("1\u00a0234,50\u00a0€");
    expect(formatQuantity("fr", 2.5)).toBe("2,5");
    expect(formatQuantity("en", 500)).toBe("500");
  });

  it("fills placeholders", () => {
    expect(t("fr", "quote.summary", { customer: "Deco Addict", count: 2, total: "10 €" })).toBe("Créer un devis pour Deco Addict (2 lignes, 10 €)");
  });
});

describe("the user's companies", () => {
  it("puts the current company first, as Odoo takes the first allowed one as current", async () => {
    const { allowedCompanies } = await import("../../src/odoo/odoo-client.js");
    expect(allowedCompanies(1, [2, 1, 3])).toEqual([1, 2, 3]);
    expect(allowedCompanies(undefined, [2, 1])).toEqual([2, 1]);
    expect(allowedCompanies(4, undefined)).toEqual([4]);
  });
});
