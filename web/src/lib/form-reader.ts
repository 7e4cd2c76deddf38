// Reads a submitted form into typed values, collecting one message per field it cannot read,
// so that an action answers every mistake at once and the API is called only with sense.

import { parseCoordinate, parseMoney, parsePercent } from "./decimal";
import { isDay } from "./format";

/** The editor's "invalid" messages, by key. */
export type Invalid =
  | "required"
  | "whole"
  | "range"
  | "money"
  | "percent"
  | "day"
  | "coordinate"
  | "country"
  | "time"
  | "endBeforeStart"
  | "amountRange"
  | "duplicateSeason"
  | "seasonsOverlap"
  | "proportionalRange"
  | "file";

export class FormReader {
  readonly errors: Record<string, string> = {};

  constructor(
    readonly values: Record<string, string>,
    readonly locale: string,
    private readonly message: (key: Invalid, values?: Record<string, string | number>) => string,
  ) {}

  get ok(): boolean {
    return Object.keys(this.errors).length === 0;
  }

  fail(name: string, key: Invalid, values?: Record<string, string | number>) {
    this.errors[name] ??= this.message(key, values);
  }

  text(name: string): string {
    return (this.values[name] ?? "").trim();
  }

  /** Text that must be given. */
  required(name: string): string {
    const value = this.text(name);
    if (!value) this.fail(name, "required");
    return value;
  }

  /** Text, or null when empty. */
  optional(name: string): string | null {
    return this.text(name) || null;
  }

  /** A whole number in `[min, max]`; `undefined` when empty and not required. */
  whole(name: string, min: number, max: number, required = false): number | undefined {
    const value = this.text(name);
    if (value === "") {
      if (required) this.fail(name, "required");
      return undefined;
    }
    if (!/^\d{1,9}$/.test(value)) {
      this.fail(name, "whole");
      return undefined;
    }
    const n = Number(value);
    if (n < min || n > max) this.fail(name, "range", { min, max });
    return n;
  }

  /** An amount typed in the locale's way, as minor units; `undefined` when empty and not required. */
  money(name: string, currency: string, required = true): number | undefined {
    const value = this.text(name);
    if (value === "") {
      if (required) this.fail(name, "required");
      return undefined;
    }
    const minor = parseMoney(value, this.locale, currency);
    if (minor === null) this.fail(name, "money", { example: this.locale === "en" ? "1,234.50" : "1 234,50" });
    return minor ?? undefined;
  }

  /** A percentage as basis points, at most `maxBp`; empty is 0 unless required. */
  percent(name: string, maxBp: number, required = false): number {
    const value = this.text(name);
    if (value === "") {
      if (required) this.fail(name, "required");
      return 0;
    }
    const bp = parsePercent(value, this.locale);
    if (bp === null) this.fail(name, "percent");
    else if (bp > maxBp) this.fail(name, "range", { min: 0, max: `${maxBp / 100} %` });
    return bp ?? 0;
  }

  /** A calendar day (`YYYY-MM-DD`, what date inputs send). */
  day(name: string): string {
    const value = this.text(name);
    if (value === "") this.fail(name, "required");
    else if (!isDay(value)) this.fail(name, "day");
    return value;
  }

  /** A time of day (`HH:MM`, what time inputs send), as the API writes it. */
  time(name: string): string | undefined {
    const value = this.text(name);
    if (value === "") return undefined;
    if (!/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/.test(value)) {
      this.fail(name, "time");
      return undefined;
    }
    return value.length === 5 ? `${value}:00` : value;
  }

  /** A latitude (±90) or longitude (±180). */
  coordinate(name: string, bound: 90 | 180): number {
    const value = this.text(name);
    if (value === "") {
      this.fail(name, "required");
      return 0;
    }
    const n = parseCoordinate(value);
    if (n === null || Math.abs(n) > bound) this.fail(name, "coordinate", { bound });
    return n ?? 0;
  }

  /** An ISO 3166-1 alpha-2 country code, upper-cased. */
  country(name: string): string {
    const value = this.text(name).toUpperCase();
    if (!/^[A-Z]{2}$/.test(value)) this.fail(name, "country");
    return value;
  }
}
