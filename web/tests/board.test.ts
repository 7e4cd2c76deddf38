import type { ReservationDto } from "@sejour/sdk";
import { describe, expect, it } from "vitest";
import { barsOf } from "@/lib/board";

const none = () => undefined;

describe("board bars", () => {
  it("places each range in the window's columns, clipped to it", () => {
    const bars = barsOf(
      [
        { start: "2027-06-28", end: "2027-07-03", kind: "maintenance" },
        { start: "2027-07-10", end: "2027-07-12", kind: "owner_stay" },
        { start: "2027-07-27", end: "2027-08-05", kind: "imported" },
        { start: "2027-08-10", end: "2027-08-12", kind: "imported" },
      ],
      "2027-07-01",
      28,
      none,
    );
    expect(bars.map((b) => [b.kind, b.start, b.span])).toEqual([
      ["maintenance", 0, 2],
      ["owner_stay", 9, 2],
      ["imported", 26, 2],
    ]);
  });

  it("names a reservation's guest and status, found by the range's reservation id", () => {
    const booking = { id: "r1", status: "pending", guest: { firstName: "Zoé", lastName: "Martin" } } as ReservationDto;
    const [bar, unknown] = barsOf(
      [
        { start: "2027-07-05", end: "2027-07-08", kind: "reservation", reservationId: "r1" },
        { start: "2027-07-10", end: "2027-07-12", kind: "reservation", reservationId: "r2" },
      ],
      "2027-07-01",
      28,
      (id) => (id === "r1" ? booking : undefined),
    );
    expect(bar).toMatchObject({ start: 4, span: 3, status: "pending", reservationId: "r1", label: "Zoé Martin" });
    // A booking not read (e.g. of another page) still links to itself, without a name.
    expect(unknown).toMatchObject({ start: 9, span: 2, reservationId: "r2", label: undefined });
  });
});
