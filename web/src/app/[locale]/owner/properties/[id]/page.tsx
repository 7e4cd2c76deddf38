import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { OccupancyCalendar } from "@/components/calendar";
import { ActionForm, Field } from "@/components/form";
import { Link } from "@/i18n/navigation";
import { api } from "@/lib/api";
import { addDays, formatDay, isDay, today } from "@/lib/format";
import { requireRole } from "@/lib/guard";
// Staff's and owners' blocks are one action: the API lets an owner block their own stays.
import { addBlock, removeBlock } from "../../../admin/properties/[id]/actions";

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
  const [{ data: property }, { data: ranges }, { data: coming }] = await Promise.all([
    client.GET("/api/v1/properties/{id}", { params: { path: { id } } }),
    client.GET("/api/v1/properties/{id}/calendar", {
      params: { path: { id }, query: { from, to: addDays(from, MONTHS * 31) } },
    }),
    // The owner's coming stays, over the two years the API answers at once.
    client.GET("/api/v1/properties/{id}/calendar", {
      params: { path: { id }, query: { from: today(), to: addDays(today(), 729) } },
    }),
  ]);
  if (!property) notFound();
  const [t, tBlocks, e] = await Promise.all([
    getTranslations("owner"),
    getTranslations("editor"),
    getTranslations("errors"),
  ]);
  const stays = (coming ?? []).filter((r) => r.kind === "owner_stay" && r.id);
  return (
    <>
      <h1>
        {property.name} — {t("calendar")}
      </h1>
      <nav aria-label={t("calendar")} className="tabs">
        <Link href={{ pathname: `/owner/properties/${id}`, query: { month: shift(-MONTHS) } }}>{t("earlier")}</Link>
        <Link href={{ pathname: `/owner/properties/${id}`, query: { month: shift(MONTHS) } }}>{t("later")}</Link>
      </nav>
      <div className="two">
        <OccupancyCalendar ranges={ranges ?? []} from={from} months={MONTHS} locale={locale} />
        <div className="stack">
          <section className="card" aria-labelledby="own-stay">
            <h2 id="own-stay">{t("blockStay")}</h2>
            <p className="muted">{t("blockStayIntro")}</p>
            <ActionForm action={addBlock.bind(null, id)} submit={tBlocks("blocks.submit")} errorTitle={e("title")}>
              <input type="hidden" name="kind" value="owner_stay" />
              <div className="row">
                <Field name="start" label={tBlocks("blocks.start")} type="date" min={today()} required />
                <Field
                  name="end"
                  label={tBlocks("blocks.end")}
                  hint={tBlocks("blocks.endHint")}
                  type="date"
                  min={today()}
                  required
                />
              </div>
              <Field name="note" label={t("stayNote")} maxLength={500} />
            </ActionForm>
          </section>
          {stays.length > 0 && (
            <section className="card" aria-labelledby="my-stays">
              <h2 id="my-stays">{t("myStays")}</h2>
              <ul className="stack" style={{ listStyle: "none", padding: 0 }}>
                {stays.map((stay) => {
                  const dates = `${formatDay(stay.start, locale)} → ${formatDay(stay.end, locale)}`;
                  return (
                    <li key={stay.id}>
                      {dates} {stay.note && <span className="muted">· {stay.note}</span>}
                      <ActionForm
                        action={removeBlock.bind(null, id, stay.id ?? "")}
                        submit={tBlocks("blocks.remove")}
                        submitLabel={tBlocks("blocks.removeOf", { dates })}
                        submitClassName="button danger"
                        errorTitle={e("title")}
                      >
                        {null}
                      </ActionForm>
                    </li>
                  );
                })}
              </ul>
            </section>
          )}
        </div>
      </div>
    </>
  );
}
