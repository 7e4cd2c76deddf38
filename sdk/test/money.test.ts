import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatMoney, minorDigits, toDecimal } from "../src/index.ts";

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("money", () => {
  it("knows each currency's minor unit", () => {
    assert.equal(minorDigits("EUR"), 2);
    assert.equal(minorDigits("JPY"), 0);
  });

  it("turns minor units into an exact decimal", () => {
    assert.equal(toDecimal({ amount: 78310, currency: "EUR" }), "783.10");
    assert.equal(toDecimal({ amount: 5, currency: "EUR" }), "0.05");
    assert.equal(toDecimal({ amount: -1250, currency: "GBP" }), "-12.50");
    assert.equal(toDecimal({ amount: 12000, currency: "JPY" }), "12000");
    assert.equal(toDecimal({ amount: 9007199254740991, currency: "EUR" }), "90071992547409.91");
  });

  it("formats per locale and currency", () => {
    assert.equal(nbsp(formatMoney({ amount: 123456, currency: "EUR" }, "fr-FR")), "1 234,56 €");
    assert.equal(formatMoney({ amount: 123456, currency: "EUR" }, "en-GB"), "€1,234.56");
    assert.equal(formatMoney({ amount: 12000, currency: "JPY" }, "en-US"), "¥12,000");
    assert.equal(nbsp(formatMoney({ amount: 9007199254740991, currency: "EUR" }, "fr-FR")), "90 071 992 547 409,91 €");
  });
});
