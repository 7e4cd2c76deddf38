// The calendar board's data: for each managed property, what occupies each night of a window,
// with the booking's status and guest for reservations.
import { type OccupiedRange, paginate, type ReservationDto, type SejourClient } from "@sejour/sdk";
import { addDays } from "./format";

export interface BoardBar {
  /** Column of the first night (0-based) and number of nights shown in the window. */
  start: number;
  span: number;
  kind: NonNullable<OccupiedRange["kind"]> | "taken";
  status?: ReservationDto["status"];
  reservationId?: string;
  label?: string;
  /** The range's own days (it may run past the window). */
  range: { start: string; end: string };
}

export interface BoardRow {
  id: string;
  name: string;
  city: string;
  bars: BoardBar[];
}

/** Where each range falls in `[from, from + days)`, in columns. */
export function barsOf(
  ranges: OccupiedRange[],
  from: string,
  days: number,
  reservation: (id: string) => ReservationDto | undefined,
): BoardBar[] {
  const to = addDays(from, days);
  const column = (day: string) => Math.round((Date.parse(day) - Date.parse(from)) / 86_400_000);
  return ranges
    .filter((r) => r.start < to && r.end > from)
    .map((r) => {
      const start = Math.max(0, column(r.start));
      const end = Math.min(days, column(r.end));
      const booking = r.reservationId ? reservation(r.reservationId) : undefined;
      return {
        start,
        span: end - start,
        kind: r.kind ?? "taken",
        status: booking?.status,
        reservationId: r.reservationId ?? undefined,
        label: booking ? `${booking.guest.firstName} ${booking.guest.lastName}` : (r.note ?? undefined),
        range: { start: r.start, end: r.end },
      };
    });
}

/**
 * The board's rows for the window, properties in name order (filtered by `q`): the calendars of
 * every property come in pages of 100 from `GET /calendar`, the bookings' status and guest from
 * the reservations overlapping the window.
 */
export async function loadBoard(client: SejourClient, from: string, days: number, q?: string): Promise<BoardRow[]> {
  const to = addDays(from, days);
  const calendars = async () => {
    const rows = [];
    for await (const row of paginate((cursor) =>
      client.GET("/api/v1/calendar", { params: { query: { from, to, q, cursor, limit: 100 } } }),
    )) {
      if (row.property.status !== "archived") rows.push(row);
    }
    return rows;
  };
  const reservations = async () => {
    const byId = new Map<string, ReservationDto>();
    for await (const r of paginate((cursor) =>
      client.GET("/api/v1/reservations", { params: { query: { from, to, cursor, limit: 100 } } }),
    )) {
      if ("price" in r) byId.set(r.id, r);
    }
    return byId;
  };
  const [rows, byId] = await Promise.all([calendars(), reservations()]);
  return rows
    .map(({ property, occupations }) => ({
      id: property.id,
      name: property.name,
      city: property.city,
      bars: barsOf(occupations, from, days, (id) => byId.get(id)),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
