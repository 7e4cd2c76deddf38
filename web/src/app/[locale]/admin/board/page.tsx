import { getTranslations, setRequestLocale } from "next-intl/server";
import type { CSSProperties } from "react";
import { Link } from "@/i18n/navigation";
import { api } from "@/lib/api";
import { loadBoard } from "@/lib/board";
import { addDays, formatDay, isDay, today } from "@/lib/format";
import { requireRole } from "@/lib/guard";
import { AdminNav } from "../nav";

const DAYS = 28;

/** Rows = properties, columns = nights; bars coloured by what occupies them and the booking's status. */
export default async function BoardPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ from?: string; q?: string }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireRole(["admin", "manager"], "/admin/board");
  const query = await searchParams;
  const from = isDay(query.from) ? query.from : today();
  const q = query.q?.trim() || undefined;
  const rows = await loadBoard(await api(), from, DAYS, q);
  const [t, tOwner, tStatus] = await Promise.all([
    getTranslations("board"),
    getTranslations("owner"),
    getTranslations("status"),
  ]);
  const days = Array.from({ length: DAYS }, (_, i) => addDays(from, i));
  const tag = locale === "en" ? "en-GB" : "fr-FR";
  const weekday = (day: string) =>
    new Intl.DateTimeFormat(tag, { weekday: "narrow", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
  const link = (start: string) => ({ pathname: "/admin/board", query: { from: start, ...(q ? { q } : {}) } });
  const grid = { "--days": DAYS } as CSSProperties;

  return (
    <>
      <h1>{t("title")}</h1>
      <AdminNav current="board" />
      <div className="row">
        <nav aria-label={t("period")} className="tabs">
          <Link href={link(addDays(from, -14))}>{t("earlier")}</Link>
          <Link href={link(today())}>{t("today")}</Link>
          <Link href={link(addDays(from, 14))}>{t("later")}</Link>
        </nav>
        <search>
          <form method="get" className="row">
            <input type="hidden" name="from" value={from} />
            <div className="field">
              <label htmlFor="q">{t("filter")}</label>
              <input id="q" name="q" defaultValue={q} />
            </div>
            <button type="submit" className="button">
              {t("apply")}
            </button>
          </form>
        </search>
      </div>
      <p className="muted">
        {t("window", { from: formatDay(from, locale), to: formatDay(addDays(from, DAYS - 1), locale) })} ·{" "}
        {t("count", { count: rows.length })}
      </p>
      <ul className="legend" aria-label={t("legend")}>
        <li className="bar reservation pending">{tStatus("pending")}</li>
        <li className="bar reservation confirmed">{tStatus("confirmed")}</li>
        <li className="bar owner_stay">{tOwner("kind.owner_stay")}</li>
        <li className="bar maintenance">{tOwner("kind.maintenance")}</li>
        <li className="bar imported">{tOwner("kind.imported")}</li>
      </ul>
      <div className="board" style={grid}>
        <div className="board-row board-head" aria-hidden="true">
          <div className="board-name" />
          <div className="board-days">
            {days.map((day) => (
              <span key={day} className={day === today() ? "today" : undefined}>
                {weekday(day)}
                <br />
                {Number(day.slice(8))}
              </span>
            ))}
          </div>
        </div>
        {rows.map((row) => (
          <section key={row.id} className="board-row" aria-label={row.name} data-property={row.id}>
            <div className="board-name">
              <Link href={`/admin/properties/${row.id}/calendar`}>{row.name}</Link>
              <small className="muted">{row.city}</small>
            </div>
            <ul className="board-days">
              {row.bars.map((bar) => {
                const label = bar.label ?? (bar.kind === "taken" ? tOwner("taken") : tOwner(`kind.${bar.kind}`));
                const text = `${label} — ${formatDay(bar.range.start, locale, "short")} → ${formatDay(bar.range.end, locale, "short")}${bar.status ? ` (${tStatus(bar.status)})` : ""}`;
                const style = { gridColumn: `${bar.start + 1} / span ${bar.span}` } as CSSProperties;
                return (
                  <li
                    key={`${bar.range.start}-${bar.kind}`}
                    className={`bar ${bar.kind} ${bar.status ?? ""}`}
                    style={style}
                    title={text}
                  >
                    {bar.reservationId ? (
                      <Link href={`/admin/reservations/${bar.reservationId}`} aria-label={text}>
                        {label}
                      </Link>
                    ) : (
                      <>
                        <span aria-hidden="true">{label}</span>
                        <span className="sr-only">{text}</span>
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}
