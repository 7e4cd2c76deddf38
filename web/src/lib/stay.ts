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

/** Children's ages typed as `4, 9` (commas, semicolons or spaces); null when one is not a whole number. */
export function parseAges(text: string | undefined): number[] | null {
  const ages = (text ?? "").split(/[\s,;]+/).filter(Boolean);
  if (!ages.every((age) => /^\d{1,3}$/.test(age))) return null;
  return ages.map((age) => Number.parseInt(age, 10));
}
