// The calendar board's data: for each managed property, what occupies each night of a window,
// with the booking's status and guest for reservations (matched by property and dates).
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
  reservationAt: (start: string, end: string) => ReservationDto | undefined,
): BoardBar[] {
  const to = addDays(from, days);
  const column = (day: string) => Math.round((Date.parse(day) - Date.parse(from)) / 86_400_000);
  return ranges
    .filter((r) => r.start < to && r.end > from)
    .map((r) => {
      const start = Math.max(0, column(r.start));
      const end = Math.min(days, column(r.end));
      const reservation = r.kind === "reservation" ? reservationAt(r.start, r.end) : undefined;
      return {
        start,
        span: end - start,
        kind: r.kind ?? "taken",
        status: reservation?.status,
        reservationId: reservation?.id,
        label: reservation ? `${reservation.guest.firstName} ${reservation.guest.lastName}` : (r.note ?? undefined),
        range: { start: r.start, end: r.end },
      };
    });
}

/** At most `limit` calls at a time. */
async function mapLimited<T, R>(items: T[], limit: number, f: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await f(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The board's rows for the window, properties in name order (filtered by `q`). */
export async function loadBoard(client: SejourClient, from: string, days: number, q?: string): Promise<BoardRow[]> {
  const to = addDays(from, days);
  const properties = [];
  for await (const p of paginate((cursor) =>
    client.GET("/api/v1/properties/managed", { params: { query: { q, cursor, limit: 100 } } }),
  )) {
    if (p.status !== "archived") properties.push(p);
  }
  const reservations: ReservationDto[] = [];
  for await (const r of paginate((cursor) =>
    client.GET("/api/v1/reservations", { params: { query: { from, to, cursor, limit: 100 } } }),
  )) {
    if ("price" in r && (r.status === "pending" || r.status === "confirmed")) reservations.push(r);
  }
  const byStay = new Map(reservations.map((r) => [`${r.propertyId}/${r.checkIn}/${r.checkOut}`, r]));
  const calendars = await mapLimited(properties, 8, (p) =>
    client.GET("/api/v1/properties/{id}/calendar", { params: { path: { id: p.id }, query: { from, to } } }),
  );
  return properties
    .map((p, i) => ({
      id: p.id,
      name: p.name,
      city: p.city,
      bars: barsOf(calendars[i]?.data ?? [], from, days, (start, end) => byStay.get(`${p.id}/${start}/${end}`)),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
