import { describe, expect, it } from "vitest";
import { nightsOf } from "@/components/calendar";
import { addDays, formatDay, isDay, money, today } from "@/lib/format";
import { parseStay } from "@/lib/stay";

const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("days", () => {
  it("formats a stay day as that calendar day in every time zone", () => {
    // The process's zone must not matter: the day is formatted in UTC.
    expect(formatDay("2027-07-10", "fr")).toBe("sam. 10 juil. 2027");
    expect(formatDay("2027-07-10", "en")).toBe("Sat, 10 Jul 2027");
    expect(formatDay("2027-01-01", "en", "short")).toBe("1 Jan");
  });

  it("adds days across months, years and leap days", () => {
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-12-31", 1)).toBe("2028-01-01");
    expect(addDays("2027-03-01", -1)).toBe("2027-02-28");
  });

  it("knows a real day from a lookalike", () => {
    expect(isDay("2027-02-28")).toBe(true);
    expect(isDay("2027-02-30")).toBe(false);
    expect(isDay("2027-2-3")).toBe(false);
    expect(isDay(undefined)).toBe(false);
  });

  it("takes today in Paris", () => {
    expect(today(new Date("2027-07-10T22:30:00Z"))).toBe("2027-07-11");
  });
});

describe("money", () => {
  it("formats per language", () => {
    expect(spaces(money({ amount: 78310, currency: "EUR" }, "fr"))).toBe("783,10 €");
    expect(money({ amount: 78310, currency: "EUR" }, "en")).toBe("€783.10");
  });
});

describe("stays in query strings", () => {
  it("reads dates, adults and children's ages", () => {
    expect(parseStay({ checkIn: "2027-07-10", checkOut: "2027-07-17", adults: "3", children: "4, 9" })).toEqual({
      checkIn: "2027-07-10",
      checkOut: "2027-07-17",
      adults: 3,
      children: [4, 9],
    });
  });

  it("refuses missing or impossible dates", () => {
    expect(parseStay({ checkIn: "2027-07-10" })).toBeNull();
    expect(parseStay({ checkIn: "2027-02-30", checkOut: "2027-03-02" })).toBeNull();
  });
});

describe("calendar nights", () => {
  it("marks each night of a range, check-out day free", () => {
    const nights = nightsOf(
      [{ start: "2027-07-30", end: "2027-08-02", kind: "reservation" }],
      "2027-07-31",
      "2027-09-01",
    );
    expect([...nights.keys()]).toEqual(["2027-07-31", "2027-08-01"]);
  });
});
