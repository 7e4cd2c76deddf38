import { getTranslations, setRequestLocale } from "next-intl/server";
import { StatusBadge } from "@/components/status";
import { Link } from "@/i18n/navigation";
import { api } from "@/lib/api";
import { formatDay, money } from "@/lib/format";
import { requireRole } from "@/lib/guard";
import { propertyNames } from "@/lib/names";

export async function generateMetadata() {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireRole(["guest", "admin", "manager", "owner"], "/account");
  const client = await api();
  const { data } = await client.GET("/api/v1/me/reservations", { params: { query: { limit: 50 } } });
  const reservations = data?.items ?? [];
  const names = await propertyNames(
    client,
    reservations.map((r) => r.propertyId),
  );
  const t = await getTranslations("account");
  return (
    <>
      <h1>{t("title")}</h1>
      {reservations.length === 0 && <p>{t("empty")}</p>}
      <div className="grid">
        {reservations.map((r) => (
          <Link
            key={r.id}
            href={`/account/reservations/${r.id}`}
            className="card stack"
            style={{ textDecoration: "none", color: "inherit" }}
          >
            <strong>{names.get(r.propertyId)}</strong>
            <span>
              {formatDay(r.checkIn, locale)} → {formatDay(r.checkOut, locale)}
            </span>
            <span>
              <StatusBadge status={r.status} /> <span className="price">{money(r.price.total, locale)}</span>
            </span>
          </Link>
        ))}
      </div>
    </>
  );
}
