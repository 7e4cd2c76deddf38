import { getTranslations } from "next-intl/server";
import { OccupancyCalendar } from "@/components/calendar";
import { ActionForm, Field, Select } from "@/components/form";
import { addDays, formatDay, today } from "@/lib/format";
import { EditorHeader } from "../../editor-header";
import { addBlock, removeBlock } from "../actions";
import { loadProperty } from "../load";

/** The API answers windows of up to two years. */
const WINDOW_DAYS = 729;

export default async function BlocksPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id, client, property } = await loadProperty(params, "calendar");
  const from = today();
  const [t, e, tOwner, { data: ranges }] = await Promise.all([
    getTranslations("editor"),
    getTranslations("errors"),
    getTranslations("owner"),
    client.GET("/api/v1/properties/{id}/calendar", {
      params: { path: { id }, query: { from, to: addDays(from, WINDOW_DAYS) } },
    }),
  ]);
  const occupied = ranges ?? [];

  return (
    <>
      <EditorHeader property={property} section="calendar" />
      <div className="stack">
        <section className="card" aria-labelledby="add-block">
          <h2 id="add-block">{t("blocks.add")}</h2>
          <ActionForm action={addBlock.bind(null, id)} submit={t("blocks.submit")} errorTitle={e("title")}>
            <div className="row">
              <Field name="start" label={t("blocks.start")} type="date" min={from} required />
              <Field name="end" label={t("blocks.end")} hint={t("blocks.endHint")} type="date" min={from} required />
              <Select
                name="kind"
                label={t("blocks.kind")}
                defaultValue="maintenance"
                options={(["maintenance", "owner_stay"] as const).map((k) => ({
                  value: k,
                  label: tOwner(`kind.${k}`),
                }))}
              />
            </div>
            <Field name="note" label={t("blocks.note")} maxLength={500} />
          </ActionForm>
        </section>

        <section aria-labelledby="occupied">
          <h2 id="occupied">{t("blocks.title")}</h2>
          {occupied.length === 0 ? (
            <p>{t("blocks.none")}</p>
          ) : (
            <div className="table-wrap">
              <table className="list">
                <thead>
                  <tr>
                    <th scope="col">{t("blocks.dates")}</th>
                    <th scope="col">{t("blocks.kind")}</th>
                    <th scope="col">{t("blocks.note")}</th>
                    <th scope="col">{t("blocks.actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {occupied.map((range) => {
                    const dates = `${formatDay(range.start, locale)} → ${formatDay(range.end, locale)}`;
                    const removable = range.id && (range.kind === "maintenance" || range.kind === "owner_stay");
                    return (
                      <tr key={range.id ?? `${range.start}-${range.end}`}>
                        <td>{dates}</td>
                        <td>{range.kind ? tOwner(`kind.${range.kind}`) : "—"}</td>
                        <td>{range.note ?? ""}</td>
                        <td>
                          {removable && range.id && (
                            <ActionForm
                              action={removeBlock.bind(null, id, range.id)}
                              submit={t("blocks.remove")}
                              submitLabel={t("blocks.removeOf", { dates })}
                              submitClassName="button danger"
                              errorTitle={e("title")}
                            >
                              {null}
                            </ActionForm>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </section>

        <section aria-labelledby="months">
          <h2 id="months">{t("blocks.calendar")}</h2>
          <OccupancyCalendar ranges={occupied} from={`${from.slice(0, 7)}-01`} months={3} locale={locale} />
        </section>
      </div>
    </>
  );
}
