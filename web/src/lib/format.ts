// Dates and money for people, per locale. Stay dates are calendar days (`YYYY-MM-DD`):
// they are formatted in UTC so that no time zone moves them.
import { formatMoney, type Money } from "@sejour/sdk";

const tag = (locale: string) => (locale === "en" ? "en-GB" : "fr-FR");

/** `2027-07-10` → "sam. 10 juil. 2027" / "Sat 10 Jul 2027". */
export function formatDay(day: string, locale: string, style: "long" | "short" = "long"): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  const options: Intl.DateTimeFormatOptions =
    style === "long"
      ? { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }
      : { day: "numeric", month: "short", timeZone: "UTC" };
  return new Intl.DateTimeFormat(tag(locale), options).format(date);
}

/** An instant (ISO date-time) in the agency's time zone. */
export function formatInstant(instant: string, locale: string): string {
  return new Intl.DateTimeFormat(tag(locale), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Paris",
  }).format(new Date(instant));
}

export const money = (amount: Money, locale: string) => formatMoney(amount, tag(locale));

/** The day `days` after `day` (both `YYYY-MM-DD`). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Today in the agency's time zone, as `YYYY-MM-DD`. */
export function today(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(now);
}

/** True for a real calendar day written `YYYY-MM-DD`. */
export function isDay(value: unknown): value is string {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && addDays(value, 0) === value;
}
