import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { OccupancyCalendar } from "@/components/calendar";
import { Link } from "@/i18n/navigation";
import { api } from "@/lib/api";
import { addDays, isDay, today } from "@/lib/format";
import { requireRole } from "@/lib/guard";

const MONTHS = 3;

export default async function OwnerPropertyPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<{ month?: string }>;
}) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  await requireRole(["owner", "admin", "manager"], `/owner/properties/${id}`);
  const { month } = await searchParams;
  // The first shown month: `?month=2027-07`, this month by default.
  const from = isDay(`${month}-01`) ? `${month}-01` : `${today().slice(0, 7)}-01`;
  const shift = (months: number) => {
    const d = new Date(`${from}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + months);
    return d.toISOString().slice(0, 7);
  };
  const client = await api();
  const [{ data: property }, { data: ranges }] = await Promise.all([
    client.GET("/api/v1/properties/{id}", { params: { path: { id } } }),
    client.GET("/api/v1/properties/{id}/calendar", {
      params: { path: { id }, query: { from, to: addDays(from, MONTHS * 31) } },
    }),
  ]);
  if (!property) notFound();
  const t = await getTranslations("owner");
  return (
    <>
      <h1>
        {property.name} — {t("calendar")}
      </h1>
      <nav aria-label={t("calendar")} className="tabs">
        <Link href={{ pathname: `/owner/properties/${id}`, query: { month: shift(-MONTHS) } }}>{t("earlier")}</Link>
        <Link href={{ pathname: `/owner/properties/${id}`, query: { month: shift(MONTHS) } }}>{t("later")}</Link>
      </nav>
      <OccupancyCalendar ranges={ranges ?? []} from={from} months={MONTHS} locale={locale} />
    </>
  );
}
