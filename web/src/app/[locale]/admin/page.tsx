import type { ReservationDto } from "@sejour/sdk";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { StatusBadge } from "@/components/status";
import { Link } from "@/i18n/navigation";
import { api } from "@/lib/api";
import { addDays, formatDay, money, today } from "@/lib/format";
import { requireRole } from "@/lib/guard";
import { propertyNames } from "@/lib/names";
import { AdminNav } from "./nav";

const STATUSES = ["pending", "confirmed", "completed", "cancelled"] as const;
type Query = { status?: string; q?: string; cursor?: string };

/** Staff see whole reservations (owners get a reduced view, never here). */
const whole = (items: unknown[] | undefined) =>
  (items ?? []).filter((r): r is ReservationDto => !!r && typeof r === "object" && "price" in r);

export default async function AdminPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Query>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireRole(["admin", "manager"], "/admin");
  const query = await searchParams;
  const status = STATUSES.find((s) => s === query.status);
  const q = query.q?.trim() || undefined;
  const day = today();
  const client = await api();
  // Stays that touch today: departing after yesterday and arriving before tomorrow.
  const [list, around] = await Promise.all([
    client.GET("/api/v1/reservations", { params: { query: { status, q, cursor: query.cursor, limit: 50 } } }),
    client.GET("/api/v1/reservations", {
      params: { query: { from: addDays(day, -1), to: addDays(day, 1), limit: 100 } },
    }),
  ]);
  const reservations = whole(list.data?.items);
  const active = (r: ReservationDto) => r.status === "pending" || r.status === "confirmed";
  const arrivals = whole(around.data?.items).filter((r) => r.checkIn === day && active(r));
  const departures = whole(around.data?.items).filter((r) => r.checkOut === day && active(r));
  const names = await propertyNames(
    client,
    [...reservations, ...arrivals, ...departures].map((r) => r.propertyId),
  );
  const [t, tStatus, tSearch] = await Promise.all([
    getTranslations("admin"),
    getTranslations("status"),
    getTranslations("search"),
  ]);
  const guest = (r: ReservationDto) => `${r.guest.firstName} ${r.guest.lastName}`;

  return (
    <>
      <h1>{t("title")}</h1>
      <AdminNav />
      <section className="two">
        <div className="card">
          <h2 style={{ marginTop: 0 }}>
            {t("arrivals")} — {formatDay(day, locale)}
          </h2>
          {arrivals.length === 0 ? (
            <p>{t("none")}</p>
          ) : (
            <ul>
              {arrivals.map((r) => (
                <li key={r.id}>
                  <Link href={`/admin/reservations/${r.id}`}>{guest(r)}</Link> · {names.get(r.propertyId)}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="card">
          <h2 style={{ marginTop: 0 }}>{t("departures")}</h2>
          {departures.length === 0 ? (
            <p>{t("none")}</p>
          ) : (
            <ul>
              {departures.map((r) => (
                <li key={r.id}>
                  <Link href={`/admin/reservations/${r.id}`}>{guest(r)}</Link> · {names.get(r.propertyId)}
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>

      <h2>{t("reservations")}</h2>
      <search>
        <form method="get" className="card row">
          <div className="field">
            <label htmlFor="status">{t("filterStatus")}</label>
            <select id="status" name="status" defaultValue={status ?? ""}>
              <option value="">{t("all")}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {tStatus(s)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="q">{t("query")}</label>
            <input id="q" name="q" defaultValue={q} />
          </div>
          <button type="submit" className="button">
            {t("filter")}
          </button>
        </form>
      </search>
      <div className="table-wrap">
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t("guest")}</th>
              <th scope="col">{t("property")}</th>
              <th scope="col">{t("dates")}</th>
              <th scope="col">{t("filterStatus")}</th>
              <th scope="col">{t("total")}</th>
            </tr>
          </thead>
          <tbody>
            {reservations.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link href={`/admin/reservations/${r.id}`}>{guest(r)}</Link>
                </td>
                <td>{names.get(r.propertyId)}</td>
                <td>
                  {formatDay(r.checkIn, locale, "short")} → {formatDay(r.checkOut, locale)}
                </td>
                <td>
                  <StatusBadge status={r.status} />
                </td>
                <td>{money(r.price.total, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {reservations.length === 0 && <p>{t("noResults")}</p>}
      {list.data?.nextCursor && (
        <p>
          <Link className="button" href={{ pathname: "/admin", query: { ...query, cursor: list.data.nextCursor } }}>
            {tSearch("more")}
          </Link>
        </p>
      )}
    </>
  );
}
