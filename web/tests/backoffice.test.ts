import { describe, expect, it } from "vitest";
import { maskIban, parisInstant, percent } from "@/lib/format";
import { parseAges } from "@/lib/stay";

const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("back office", () => {
  it("masks an IBAN down to its last four characters", () => {
    expect(maskIban("FR7630004008190001234567879")).toBe("FR76 •••• •••• 7879");
    expect(maskIban("FR76 3000 4008 1900 0123 4567 879")).toBe("FR76 •••• •••• 7879");
    // The API's own mask (for managers) gives the same.
    expect(maskIban("FR76 **** **** **** **** ***1 432")).toBe("FR76 •••• •••• 1432");
    expect(maskIban("FR7")).toBe("••••");
  });

  it("shows a commission in basis points as a percentage", () => {
    expect(spaces(percent(2500, "fr"))).toBe("25 %");
    expect(percent(1250, "en")).toBe("12.5%");
  });

  it("reads a Paris wall-clock time as an instant, summer and winter", () => {
    expect(parisInstant("2027-07-10T14:30")).toBe("2027-07-10T12:30:00.000Z");
    expect(parisInstant("2027-01-10T14:30")).toBe("2027-01-10T13:30:00.000Z");
    expect(parisInstant("2027-03-28T03:30:15")).toBe("2027-03-28T01:30:15.000Z");
    expect(parisInstant("2027-02-30T10:00")).toBeNull();
    expect(parisInstant("2027-01-10")).toBeNull();
    expect(parisInstant(undefined)).toBeNull();
  });

  it("reads children's ages", () => {
    expect(parseAges("4, 9")).toEqual([4, 9]);
    expect(parseAges("4;9 12")).toEqual([4, 9, 12]);
    expect(parseAges("")).toEqual([]);
    expect(parseAges("four")).toBeNull();
    expect(parseAges("4.5")).toBeNull();
  });
});
