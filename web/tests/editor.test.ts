import type { PropertyDto } from "@sejour/sdk";
import { describe, expect, it } from "vitest";
import { feedErrorCode, ifMatch, missingFromProblem, missingToPublish, rowsOf } from "@/lib/editor";

describe("what publishing lacks", () => {
  it("reads the refusal's detail, in the API's order", () => {
    expect(
      missingFromProblem(
        "The property cannot be published yet; missing: registrationNumber, photos, rates, touristTax, owners",
      ),
    ).toEqual(["registrationNumber", "photos", "rates", "touristTax", "owners"]);
    expect(missingFromProblem("…; missing: photos")).toEqual(["photos"]);
    expect(missingFromProblem("Something else")).toEqual([]);
  });

  it("prefers field errors when the refusal has some, and drops unknown names", () => {
    expect(missingFromProblem("", [{ field: "rates" }, { field: "somethingNew" }])).toEqual(["rates"]);
  });

  it("computes the same list from the property", () => {
    const draft = { country: "FR", registrationNumber: null, photos: [], rates: null, touristTax: null, owners: [] };
    expect(missingToPublish(draft as unknown as PropertyDto)).toEqual([
      "registrationNumber",
      "photos",
      "rates",
      "touristTax",
      "owners",
    ]);
    // Outside France, no registration number is needed.
    expect(missingToPublish({ ...draft, country: "BE" } as unknown as PropertyDto)).not.toContain("registrationNumber");
  });
});

describe("form helpers", () => {
  it("groups repeated fields by their row number", () => {
    expect(
      rowsOf({ "season.3.name": "Été", "season.0.name": "Hiver", "season.3.nightly": "90", other: "x" }, "season"),
    ).toEqual([
      { index: 0, row: { name: "Hiver" } },
      { index: 3, row: { name: "Été", nightly: "90" } },
    ]);
  });

  it("sends only a well-formed version", () => {
    expect(ifMatch("7")).toEqual({ "If-Match": '"7"' });
    expect(ifMatch('7" , "8')).toEqual({ "If-Match": '"0"' });
  });

  it("reads a feed's error code", () => {
    expect(feedErrorCode("ical_feed.private_address: the feed's host is not public")).toBe("ical_feed.private_address");
    expect(feedErrorCode("boom")).toBeUndefined();
    expect(feedErrorCode(null)).toBeUndefined();
  });
});
