// A stay as the pages pass it in their query string: `?checkIn&checkOut&adults&children=4,9`.
import { isDay } from "./format";

export type StayQuery = { checkIn?: string; checkOut?: string; adults?: string; children?: string };

export interface Stay {
  checkIn: string;
  checkOut: string;
  adults: number;
  /** One age per child. */
  children: number[];
}

/** The stay of a query string, or null when its dates are missing or not days. */
export function parseStay(query: StayQuery): Stay | null {
  if (!isDay(query.checkIn) || !isDay(query.checkOut)) return null;
  const adults = Number.parseInt(query.adults ?? "2", 10);
  const children = (query.children ?? "")
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((age) => Number.parseInt(age, 10))
    .filter((age) => Number.isInteger(age) && age >= 0);
  return { checkIn: query.checkIn, checkOut: query.checkOut, adults: Number.isInteger(adults) ? adults : 2, children };
}
