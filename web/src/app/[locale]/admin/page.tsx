import type { ReservationDto } from "@sejour/sdk";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ListPage } from "@/components/list-page";
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
  const [t, tStatus] = await Promise.all([getTranslations("admin"), getTranslations("status")]);

  return (
    <>
      <h1>{t("title")}</h1>
      <AdminNav />
      <section className="two">
        <DeskCard title={`${t("arrivals")} — ${formatDay(day, locale)}`} reservations={arrivals} names={names} />
        <DeskCard title={t("departures")} reservations={departures} names={names} />
      </section>
      <ListPage
        title={t("reservations")}
        heading="h2"
        q={q}
        query={status ? { status } : {}}
        pathname="/admin"
        nextCursor={list.data?.nextCursor}
        filters={
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
