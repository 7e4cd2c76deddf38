// A property's occupancy, month by month: each night coloured and labelled by what occupies it.
import type { OccupiedRange } from "@sejour/sdk";
import { getTranslations } from "next-intl/server";
import { addDays } from "@/lib/format";

/** What occupies each night of `[from, to)`, by day. */
export function nightsOf(ranges: OccupiedRange[], from: string, to: string): Map<string, OccupiedRange> {
  const nights = new Map<string, OccupiedRange>();
  for (const range of ranges) {
    for (let day = range.start < from ? from : range.start; day < range.end && day < to; day = addDays(day, 1)) {
      nights.set(day, range);
    }
  }
  return nights;
}

export async function OccupancyCalendar({
  ranges,
  from,
  months,
  locale,
}: {
  ranges: OccupiedRange[];
  /** The first day of the first month. */
  from: string;
  months: number;
  locale: string;
}) {
  const t = await getTranslations("owner");
  const tag = locale === "en" ? "en-GB" : "fr-FR";
  const monthStarts = Array.from({ length: months }, (_, i) => {
    const d = new Date(`${from}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + i, 1);
    return d.toISOString().slice(0, 10);
  });
  const end = addDays(monthStarts.at(-1) ?? from, 31);
  const nights = nightsOf(ranges, from, end);
  const weekdays = Array.from({ length: 7 }, (_, i) =>
    new Intl.DateTimeFormat(tag, { weekday: "short", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, 1 + i))),
  );
  return (
    <div className="stack">
      {monthStarts.map((start) => {
        const first = new Date(`${start}T00:00:00Z`);
        const offset = (first.getUTCDay() + 6) % 7; // Monday first
        const length = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
        const title = new Intl.DateTimeFormat(tag, { month: "long", year: "numeric", timeZone: "UTC" }).format(first);
        return (
          <section key={start} aria-label={title}>
            <h3>{title}</h3>
            <div className="calendar" aria-hidden="true">
              {weekdays.map((w) => (
                <div key={w} className="head">
                  {w}
                </div>
              ))}
            </div>
            <ol className="calendar">
              {Array.from({ length: offset }, (_, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: blank cells before the 1st
                <li key={`blank-${i}`} aria-hidden="true" />
              ))}
              {Array.from({ length }, (_, i) => {
                const day = addDays(start, i);
                const range = nights.get(day);
                const label = range ? (range.kind ? t(`kind.${range.kind}`) : t("taken")) : t("free");
                return (
                  <li key={day} className={`day ${range ? (range.kind ?? "taken") : "free"}`} data-day={day}>
                    <strong>{i + 1}</strong>
                    <span className="sr-only"> {label}</span>
                    {range && <div aria-hidden="true">{label}</div>}
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
