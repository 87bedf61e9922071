import { describe, expect, it } from "vitest";
import { createFormatter } from "../../src/format.js";
import { langOf, t } from "../../src/i18n.js";

describe("replies in the user's language", () => {
  it("picks French for any fr_* Odoo language and English otherwise", () => {
    expect(langOf("fr_FR")).toBe("fr");
    expect(langOf("fr_BE")).toBe("fr");
    expect(langOf("nl_NL")).toBe("en");
    expect(langOf(undefined)).toBe("en");
  });

  it("formats amounts, quantities and dates as Odoo shows them", () => {
    const en = createFormatter("en");
    const fr = createFormatter("fr");
    expect(en.money(1234.5, { name: "USD", symbol: "$", position: "before" })).toBe("$\u00a01,234.50");
    // French groups with Odoo's narrow no-break space, the same in the reply and the card
    expect(fr.money(1234.5, { name: "EUR", symbol: "€", position: "after" })).toBe("1\u202f234,50\u00a0€");
    // Odoo's rounding (float_round HALF-UP), where toFixed said 1.00; a currency's own decimals
    expect(en.money(1.005, { name: "USD", symbol: "$", position: "before" })).toBe("$\u00a01.01");
    expect(en.money(1.005, { name: "JPY", symbol: "¥", position: "before", digits: 0 })).toBe("¥\u00a01");
    expect(en.money(2.5, { name: "JPY", symbol: "¥", position: "before", digits: 0 })).toBe("¥\u00a03");
    expect(en.quantity(0.0005)).toBe("0.001");
    expect(fr.quantity(2.5)).toBe("2,5");
    expect(en.quantity(500)).toBe("500");
    expect(en.quantity(-1234567.125)).toBe("-1,234,567.125");
    expect(en.date("2026-12-15 09:00:00")).toBe("12/15/2026");
    expect(fr.date("2026-12-15")).toBe("15/12/2026");
  });

  it("follows the formats of the user's Odoo language when the addon sends them", () => {
    const german = createFormatter("en", { date: "%d.%m.%Y", decimal_point: ",", thousands_sep: ".", grouping: "[3,0]" });
    expect(german.money(1234567.8, { name: "EUR", symbol: "€", position: "after" })).toBe("1.234.567,80\u00a0€");
    expect(german.date("2026-12-15")).toBe("15.12.2026");
    const indian = createFormatter("en", { grouping: "[3,2,0]" });
    expect(indian.quantity(12345678)).toBe("1,23,45,678");
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
