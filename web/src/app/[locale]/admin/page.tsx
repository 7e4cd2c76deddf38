import { paginate, type ReservationDto } from "@sejour/sdk";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ListPage } from "@/components/list-page";
import { StatusBadge } from "@/components/status";
import { Link } from "@/i18n/navigation";
import { api } from "@/lib/api";
import { addDays, formatDay, formatInstant, isDay, money, today } from "@/lib/format";
import { requireRole } from "@/lib/guard";
import { firstItems, isUuid, propertyNames } from "@/lib/names";
import { listProblem } from "@/lib/problems";
import { AdminNav } from "./nav";

const STATUSES = ["pending", "confirmed", "completed", "cancelled"] as const;
type Query = {
  propertyId?: string;
  ownerId?: string;
  status?: string;
  from?: string;
  to?: string;
  q?: string;
  limit?: string;
  cursor?: string;
};
/** How many pending holds the desk shows (the soonest to lapse); the list has them all. */
const HOLDS_SHOWN = 20;

/** Staff see whole reservations (owners get a reduced view, never here). */
const whole = (items: unknown[] | undefined) =>
  (items ?? []).filter((r): r is ReservationDto => !!r && typeof r === "object" && "price" in r);

/** The list's filters as the API takes them: anything malformed is dropped, not sent. */
function filtersOf(query: Query) {
  const limit = Number.parseInt(query.limit ?? "", 10);
  return {
    propertyId: isUuid(query.propertyId) ? query.propertyId : undefined,
    ownerId: isUuid(query.ownerId) ? query.ownerId : undefined,
    status: STATUSES.find((s) => s === query.status),
    from: isDay(query.from) ? query.from : undefined,
    to: isDay(query.to) ? query.to : undefined,
    q: query.q?.trim() || undefined,
    limit: limit >= 1 && limit <= 100 ? limit : undefined,
  };
}

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
  const filters = filtersOf(query);
  const day = today();
  const client = await api();
  // Stays that touch today: departing after yesterday and arriving before tomorrow.
  const [list, around, pending, properties, owners] = await Promise.all([
    client.GET("/api/v1/reservations", {
      params: { query: { ...filters, limit: filters.limit ?? 50, cursor: query.cursor } },
    }),
    client.GET("/api/v1/reservations", {
      params: { query: { from: addDays(day, -1), to: addDays(day, 1), limit: 100 } },
    }),
    client.GET("/api/v1/reservations", { params: { query: { status: "pending", limit: 100 } } }),
    firstItems(
      paginate((cursor) => client.GET("/api/v1/properties/managed", { params: { query: { cursor, limit: 100 } } })),
    ),
    firstItems(paginate((cursor) => client.GET("/api/v1/owners", { params: { query: { cursor, limit: 100 } } }))),
  ]);
  const reservations = whole(list.data?.items);
  const active = (r: ReservationDto) => r.status === "pending" || r.status === "confirmed";
  const arrivals = whole(around.data?.items).filter((r) => r.checkIn === day && active(r));
  const departures = whole(around.data?.items).filter((r) => r.checkOut === day && active(r));
  const holds = whole(pending.data?.items).sort((a, b) =>
    (a.holdExpiresAt ?? "9999").localeCompare(b.holdExpiresAt ?? "9999"),
  );
  // Names from the managed list already read; any other (beyond its first pages) one by one.
  const names = new Map(properties.map((p) => [p.id, p.name]));
  const shown = [...reservations, ...arrivals, ...departures, ...holds.slice(0, HOLDS_SHOWN)].map((r) => r.propertyId);
  const others = await propertyNames(
    client,
    shown.filter((id) => !names.has(id)),
  );
  for (const [id, name] of others) names.set(id, name);
  const [t, tStatus] = await Promise.all([getTranslations("admin"), getTranslations("status")]);
  const problem = list.error ? (await listProblem(list.error, list.response)).text : undefined;
  // The filters in force, as text, for the "more" link.
  const kept = Object.fromEntries(
    Object.entries({ ...filters, q: undefined }).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
  );

  return (
    <>
      <h1>{t("title")}</h1>
      <AdminNav current="reservations" />
      <section className="pair" aria-label={t("desk.title")}>
        <DeskCard title={`${t("arrivals")} — ${formatDay(day, locale)}`} reservations={arrivals} names={names} />
        <DeskCard title={t("departures")} reservations={departures} names={names} />
      </section>
      <HoldsCard
        holds={holds.slice(0, HOLDS_SHOWN)}
        count={holds.length}
        more={holds.length > HOLDS_SHOWN || !!pending.data?.nextCursor}
        names={names}
        locale={locale}
      />
      <ListPage
        title={t("reservations")}
        heading="h2"
        q={filters.q}
        query={kept}
        pathname="/admin"
        nextCursor={list.data?.nextCursor}
        error={problem}
        filters={
          <>
            <div className="field">
              <label htmlFor="propertyId">{t("property")}</label>
              <select id="propertyId" name="propertyId" defaultValue={filters.propertyId ?? ""}>
                <option value="">{t("all")}</option>
                {properties.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} ({p.city})
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="ownerId">{t("desk.owner")}</label>
              <select id="ownerId" name="ownerId" defaultValue={filters.ownerId ?? ""}>
                <option value="">{t("all")}</option>
                {owners.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.displayName}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="status">{t("filterStatus")}</label>
              <select id="status" name="status" defaultValue={filters.status ?? ""}>
                <option value="">{t("all")}</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {tStatus(s)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="from">{t("desk.from")}</label>
              <input id="from" name="from" type="date" defaultValue={filters.from} />
            </div>
            <div className="field">
              <label htmlFor="to">{t("desk.to")}</label>
              <input id="to" name="to" type="date" defaultValue={filters.to} />
            </div>
            {filters.limit && <input type="hidden" name="limit" value={filters.limit} />}
          </>
        }
        columns={[t("guest"), t("property"), t("dates"), t("filterStatus"), t("total")]}
        rows={reservations.map((r) => ({
          key: r.id,
          cells: [
            <Link key="g" href={`/admin/reservations/${r.id}`}>
              {guestName(r)}
            </Link>,
            names.get(r.propertyId),
            `${formatDay(r.checkIn, locale, "short")} → ${formatDay(r.checkOut, locale)}`,
            <StatusBadge key="s" status={r.status} />,
            money(r.price.total, locale),
          ],
        }))}
      />
    </>
  );
}

const guestName = (r: ReservationDto) => `${r.guest.firstName} ${r.guest.lastName}`;

/** Today's arrivals or departures, for the desk. */
async function DeskCard({
  title,
  reservations,
  names,
}: {
  title: string;
  reservations: ReservationDto[];
  names: Map<string, string>;
}) {
  const t = await getTranslations("admin");
  return (
    <div className="card">
      <h2 style={{ marginTop: 0 }}>{title}</h2>
      {reservations.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ul>
          {reservations.map((r) => (
            <li key={r.id}>
              <Link href={`/admin/reservations/${r.id}`}>{guestName(r)}</Link> · {names.get(r.propertyId)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Pending bookings holding their dates, the soonest to lapse first, with when each lapses. */
async function HoldsCard({
  holds,
  count,
  more,
  names,
  locale,
}: {
  holds: ReservationDto[];
  count: number;
  more: boolean;
  names: Map<string, string>;
  locale: string;
}) {
  const t = await getTranslations("admin");
  const now = new Date().toISOString();
  return (
    <section className="card" aria-labelledby="holds-heading" data-testid="holds" style={{ marginTop: "1rem" }}>
      <h2 id="holds-heading" style={{ marginTop: 0 }}>
        {t("desk.holds", { count })}
      </h2>
      {holds.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t("guest")}</th>
                <th scope="col">{t("property")}</th>
                <th scope="col">{t("dates")}</th>
                <th scope="col">{t("desk.holdEnds")}</th>
              </tr>
            </thead>
            <tbody>
              {holds.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link href={`/admin/reservations/${r.id}`}>{guestName(r)}</Link>
                  </td>
                  <td>{names.get(r.propertyId)}</td>
                  <td>
                    {formatDay(r.checkIn, locale, "short")} → {formatDay(r.checkOut, locale)}
                  </td>
                  <td>
                    {r.holdExpiresAt ? (
                      <>
                        <time dateTime={r.holdExpiresAt}>{formatInstant(r.holdExpiresAt, locale)}</time>
                        {r.holdExpiresAt < now && ` — ${t("desk.lapsed")}`}
                      </>
                    ) : (
                      t("desk.noExpiry")
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {more && (
        <p>
          <Link href={{ pathname: "/admin", query: { status: "pending" } }}>{t("desk.allHolds")}</Link>
        </p>
      )}
    </section>
  );
}
