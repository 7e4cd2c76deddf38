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

/** An IBAN with only its first four and last four characters: `FR76 •••• •••• 1234`. */
export function maskIban(iban: string): string {
  const compact = iban.replace(/\s+/g, "").toUpperCase();
  if (compact.length < 8) return "••••";
  return `${compact.slice(0, 4)} •••• •••• ${compact.slice(-4)}`;
}

/** Basis points as a percentage: 2500 → "25 %" / "25%". */
export function percent(basisPoints: number, locale: string): string {
  return new Intl.NumberFormat(tag(locale), { style: "percent", maximumFractionDigits: 2 }).format(
    basisPoints / 10_000,
  );
}

/** How far Paris's clock is ahead of UTC at `instant` (ms since the epoch), in ms. */
function parisOffset(instant: number): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Paris",
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * A Paris wall-clock time as a `datetime-local` input sends it (`2027-03-28T14:30`) → the
 * instant, RFC 3339 in UTC; null when it is not such a time.
 */
export function parisInstant(local: string | undefined): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local ?? "");
  if (!m || !isDay(`${m[1]}-${m[2]}-${m[3]}`)) return null;
  const [year, month, dayOfMonth, hour, minute, second] = m.slice(1).map((n) => Number(n ?? 0));
  if (hour > 23 || minute > 59 || second > 59) return null;
  const wall = Date.UTC(year, month - 1, dayOfMonth, hour, minute, second);
  let instant = wall - parisOffset(wall);
  instant = wall - parisOffset(instant);
  return new Date(instant).toISOString();
}
