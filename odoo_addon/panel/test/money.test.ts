import { describe, expect, it } from "vitest";

import { formatMoney, formatNumber, formatPercent, formatQuantity, groupDigits, type NumberFormat } from "../src/format/money";

const US: NumberFormat = { decimalPoint: ".", thousandsSep: ",", grouping: [3, 0] };
const FR: NumberFormat = { decimalPoint: ",", thousandsSep: "\u202f", grouping: [3, 0] };
const NBSP = "\u00a0";

describe("groupDigits", () => {
  it("follows Odoo's grouping", () => {
    expect(groupDigits("1234567", ",", [3, 0])).toBe("1,234,567");
    expect(groupDigits("12345678", ",", [3, 2, 0])).toBe("1,23,45,678");
    expect(groupDigits("1234567", ",", [3])).toBe("1234,567");
    expect(groupDigits("1234567", ",", [])).toBe("1234567");
    expect(groupDigits("123", ",", [3, 0])).toBe("123");
    expect(groupDigits("1234", "", [3, 0])).toBe("1234");
  });
});

describe("formatNumber", () => {
  it("rounds half away from zero without float surprises", () => {
    expect(formatNumber(1.005, {}, US)).toBe("1.01");
    expect(formatNumber(-2.345, {}, US)).toBe("-2.35");
    expect(formatNumber(1234567.891, {}, US)).toBe("1,234,567.89");
    expect(formatNumber(-0.001, {}, US)).toBe("0.00");
    expect(formatNumber(Number.NaN, {}, US)).toBe("");
  });
});

describe("formatMoney", () => {
  it("puts the symbol where the currency says, with a no-break space", () => {
    expect(formatMoney(1234.5, { symbol: "$", position: "before" }, US)).toBe(`$${NBSP}1,234.50`);
    expect(formatMoney(1234.5, { symbol: "€", position: "after" }, FR)).toBe(`1\u202f234,50${NBSP}€`);
    expect(formatMoney(-70, { symbol: "$", position: "before" }, US)).toBe(`$${NBSP}-70.00`);
    expect(formatMoney(0, { symbol: "€", position: "after" }, US)).toBe(`0.00${NBSP}€`);
  });

  it("honours the currency's decimal places when given", () => {
    expect(formatMoney(1234.5, { symbol: "¥", position: "before", digits: 0 }, US)).toBe(`¥${NBSP}1,235`);
  });

  it("uses the default format when none is given", () => {
    expect(formatMoney(210, { symbol: "$", position: "before" })).toBe(`$${NBSP}210.00`);
  });
});

describe("formatQuantity and formatPercent", () => {
  it("drops trailing zeros", () => {
    expect(formatQuantity(3, US)).toBe("3");
    expect(formatQuantity(2.5, FR)).toBe("2,5");
    expect(formatQuantity(1234.125, US)).toBe("1,234.125");
    expect(formatPercent(10, US)).toBe("10%");
    expect(formatPercent(12.5, FR)).toBe("12,5%");
  });
});
