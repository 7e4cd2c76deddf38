import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { OccupancyCalendar } from "@/components/calendar";
import { api } from "@/lib/api";
import { addDays, today } from "@/lib/format";
import { requireRole } from "@/lib/guard";

const MONTHS = 3;

export default async function OwnerPropertyPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  await requireRole(["owner", "admin", "manager"], `/owner/properties/${id}`);
  const from = `${today().slice(0, 7)}-01`;
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
      <OccupancyCalendar ranges={ranges ?? []} from={from} months={MONTHS} locale={locale} />
    </>
  );
}
