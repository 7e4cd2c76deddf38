// Numbers typed by people, read exactly: "1 234,50" (fr) or "1,234.50" (en) become 123450
// minor units by string arithmetic, never through a float (0,29 € is 29 cents, not 28.999…).

/** French groups thousands with a space (plain, no-break or narrow no-break) and writes a decimal comma. */
const FORMS = {
  fr: /^(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,(\d+))?$/,
  en: /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/,
} as const;

const formOf = (locale: string) => (locale === "en" ? FORMS.en : FORMS.fr);

/**
 * A non-negative decimal written the locale's way, scaled by 10^`digits` (2 for cents, 2 for
 * basis points of a percentage), or null when it is not one: a wrong separator, a badly
 * grouped number, more decimals than `digits`, a sign, or a value beyond exact integers.
 * A currency sign around the number (`149,90 €`, `€149.90`) is allowed.
 */
export function parseDecimal(text: string, locale: string, digits: number): number | null {
  const bare = text
    .trim()
    .replace(/^[€$£]\s*/u, "")
    .replace(/\s*[€$£]$/u, "");
  const match = formOf(locale).exec(bare);
  if (!match) return null;
  const whole = (match[1] ?? "").replace(/\D/g, "");
  const fraction = match[2] ?? "";
  if (fraction.length > digits) return null;
  const scaled = Number(`${whole}${fraction.padEnd(digits, "0")}`);
  return Number.isSafeInteger(scaled) ? scaled : null;
}

/** Digits after the decimal point of a currency's minor unit (EUR 2, JPY 0). */
export function minorDigitsOf(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** An amount typed in `currency`'s major unit, as minor units: `parseMoney("1 234,50", "fr")` → 123450. */
export const parseMoney = (text: string, locale: string, currency = "EUR") =>
  parseDecimal(text, locale, minorDigitsOf(currency));

/** A percentage as basis points: `parsePercent("12,5", "fr")` → 1250. */
export const parsePercent = (text: string, locale: string) => parseDecimal(text, locale, 2);

/**
 * The text to put back in a field for a scaled integer, the way `parseDecimal` reads it:
 * `formatDecimal(123450, "fr", 2)` → "1 234,50"; `trim` drops a zero fraction ("10" for 1000 bp).
 */
export function formatDecimal(scaled: number, locale: string, digits: number, trim = false): string {
  const en = locale === "en";
  const text = Math.abs(Math.trunc(scaled))
    .toString()
    .padStart(digits + 1, "0");
  const whole = text.slice(0, text.length - digits).replace(/\B(?=(\d{3})+$)/g, en ? "," : " ");
  let fraction = digits > 0 ? text.slice(text.length - digits) : "";
  if (trim) fraction = fraction.replace(/0+$/, "");
  return fraction ? `${whole}${en ? "." : ","}${fraction}` : whole;
}

export const formatMoneyInput = (minor: number, locale: string, currency = "EUR") =>
  formatDecimal(minor, locale, minorDigitsOf(currency));

export const formatPercentInput = (bp: number, locale: string) => formatDecimal(bp, locale, 2, true);

/** A latitude or longitude typed with a point or (in French) a comma: "43,7034" → 43.7034. */
export function parseCoordinate(text: string): number | null {
  const bare = text.trim().replace(",", ".");
  if (!/^-?\d{1,3}(?:\.\d{1,8})?$/.test(bare)) return null;
  return Number(bare);
}
