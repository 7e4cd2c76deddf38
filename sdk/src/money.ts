import type { Money } from "./schema.ts";

/** Digits after the decimal point of a currency's minor unit (EUR 2, JPY 0), per ISO 4217. */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** The exact decimal string of an amount in minor units: 78310 EUR → "783.10". */
export function toDecimal({ amount, currency }: Money): string {
  const digits = minorDigits(currency);
  const sign = amount < 0 ? "-" : "";
  const units = Math.abs(amount)
    .toString()
    .padStart(digits + 1, "0");
  if (digits === 0) return sign + units;
  return `${sign}${units.slice(0, -digits)}.${units.slice(-digits)}`;
}

/** An amount for people: `formatMoney({ amount: 78310, currency: "EUR" }, "fr-FR")` → "783,10 €". */
export function formatMoney(money: Money, locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: "currency", currency: money.currency });
  // A decimal string, not a float: formatted exactly (Intl.NumberFormat v3).
  return format.format(toDecimal(money) as unknown as number);
}
