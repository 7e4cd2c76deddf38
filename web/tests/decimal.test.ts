import { describe, expect, it } from "vitest";
import {
  formatDecimal,
  formatMoneyInput,
  formatPercentInput,
  parseCoordinate,
  parseDecimal,
  parseMoney,
  parsePercent,
} from "@/lib/decimal";

describe("money typed in French", () => {
  it("reads grouped and ungrouped amounts exactly", () => {
    expect(parseMoney("1 234,50", "fr")).toBe(123450);
    expect(parseMoney("1 234,5", "fr")).toBe(123450);
    expect(parseMoney("1234,50", "fr")).toBe(123450);
    expect(parseMoney("1\u00a0234,50", "fr")).toBe(123450);
    expect(parseMoney("1\u202f234\u202f567,89", "fr")).toBe(123456789);
    expect(parseMoney("149", "fr")).toBe(14900);
    expect(parseMoney("0,05", "fr")).toBe(5);
    expect(parseMoney("  149,90 € ", "fr")).toBe(14990);
  });

  it("never goes through a float", () => {
    // 4.35 * 100 and 0.29 * 100 are 434.99999999999994 and 28.999999999999996 in floating point.
    expect(parseMoney("4,35", "fr")).toBe(435);
    expect(parseMoney("0,29", "fr")).toBe(29);
    expect(parseMoney("1 000 000,01", "fr")).toBe(100000001);
  });

  it("refuses what is not a French amount", () => {
    for (const text of [
      "",
      " ",
      "abc",
      "-5",
      "+5",
      "1,234.50",
      "1.234,50",
      "12.50",
      "12,345",
      "1 23,00",
      ",50",
      "1 234,",
      "12 3456",
    ]) {
      expect(parseMoney(text, "fr"), text).toBeNull();
    }
  });
});

describe("money typed in English", () => {
  it("reads grouped and ungrouped amounts exactly", () => {
    expect(parseMoney("1,234.50", "en")).toBe(123450);
    expect(parseMoney("1234.5", "en")).toBe(123450);
    expect(parseMoney("€1,234.50", "en")).toBe(123450);
    expect(parseMoney("4.35", "en")).toBe(435);
    expect(parseMoney("1,000,000.01", "en")).toBe(100000001);
  });

  it("refuses what is not an English amount", () => {
    for (const text of ["1 234,50", "1 234.50", "1,23", "12,50", "1.2.3", "12.345", ".5", "1e3"]) {
      expect(parseMoney(text, "en"), text).toBeNull();
    }
  });
});

describe("other currencies, percentages and bounds", () => {
  it("follows the currency's minor unit", () => {
    expect(parseMoney("1 234", "fr", "JPY")).toBe(1234);
    expect(parseMoney("1 234,5", "fr", "JPY")).toBeNull();
  });

  it("reads percentages as basis points", () => {
    expect(parsePercent("10", "fr")).toBe(1000);
    expect(parsePercent("12,5", "fr")).toBe(1250);
    expect(parsePercent("12.5", "en")).toBe(1250);
    expect(parsePercent("12,555", "fr")).toBeNull();
  });

  it("refuses numbers beyond exact integers", () => {
    expect(parseDecimal("99999999999999999", "en", 2)).toBeNull();
  });
});

describe("writing amounts back into fields", () => {
  it("writes what the parser reads, per locale", () => {
    expect(formatMoneyInput(123450, "fr")).toBe("1 234,50");
    expect(formatMoneyInput(123450, "en")).toBe("1,234.50");
    expect(formatMoneyInput(5, "fr")).toBe("0,05");
    expect(formatMoneyInput(1234, "en", "JPY")).toBe("1,234");
    expect(formatPercentInput(1000, "fr")).toBe("10");
    expect(formatPercentInput(1250, "fr")).toBe("12,5");
    expect(formatPercentInput(1250, "en")).toBe("12.5");
    for (const locale of ["fr", "en"]) {
      for (const value of [0, 1, 99, 100, 123456789, 100000000]) {
        expect(parseDecimal(formatDecimal(value, locale, 2), locale, 2)).toBe(value);
      }
    }
  });
});

describe("coordinates", () => {
  it("takes a point or a comma", () => {
    expect(parseCoordinate("43,7034")).toBe(43.7034);
    expect(parseCoordinate("-1.55")).toBe(-1.55);
    expect(parseCoordinate("43,70,1")).toBeNull();
    expect(parseCoordinate("")).toBeNull();
  });
});
