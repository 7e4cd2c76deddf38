import type { FeedDto } from "@sejour/sdk";
import { getTranslations } from "next-intl/server";
import { ActionForm, Field } from "@/components/form";
import { formatInstant } from "@/lib/format";
import { codedMessage } from "@/lib/problems";
import { EditorHeader } from "../../editor-header";
import { addFeed, deleteFeed, rotateExportLink, syncFeed } from "../actions";
import { loadProperty } from "../load";
import { ExportLink } from "./export-link";

const HEALTHS = ["ok", "failing", "never_synced"] as const;

export default async function IcalPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id, client, property } = await loadProperty(params, "ical");
  const [t, e, { data }] = await Promise.all([
    getTranslations("editor"),
    getTranslations("errors"),
    client.GET("/api/v1/properties/{id}/ical/feeds", { params: { path: { id } } }),
  ]);
  const feeds = data?.feeds ?? [];
  const health = (feed: FeedDto) => {
    const known = HEALTHS.find((h) => h === feed.health);
    return known ? t(`ical.health.${known}`) : feed.health;
  };
  // A feed's last error (`ical_feed.timeout: …`) in words, by feed.
  const errors = new Map(
    await Promise.all(
      feeds.map(
        async (feed): Promise<[string, string | undefined]> => [
          feed.id,
          feed.lastError ? await codedMessage(feed.lastError) : undefined,
        ],
      ),
    ),
  );
  const when = (instant: string | null | undefined) => (instant ? formatInstant(instant, locale) : t("ical.never"));

  return (
    <>
      <EditorHeader property={property} section="ical" />
      <div className="stack">
        <section aria-labelledby="feeds">
          <h2 id="feeds">{t("ical.feeds")}</h2>
          <p className="hint">{t("ical.feedsHint")}</p>
          {feeds.length === 0 && <p>{t("ical.none")}</p>}
          <ul className="stack feed-list">
            {feeds.map((feed) => (
              <li key={feed.id} className="card stack" aria-label={feed.name}>
                <h3>{feed.name}</h3>
                <p className="url">{feed.url}</p>
                <dl className="facts">
                  <dt>{t("ical.healthLabel")}</dt>
                  <dd>
                    <span className={`badge health-${feed.health}`}>{health(feed)}</span>
                  </dd>
                  <dt>{t("ical.lastAttempt")}</dt>
                  <dd>{when(feed.lastAttemptAt)}</dd>
                  <dt>{t("ical.lastSuccess")}</dt>
                  <dd>{when(feed.lastSuccessAt)}</dd>
                  {feed.lastError && (
                    <>
                      <dt>{t("ical.lastError")}</dt>
                      <dd className="field-error">{errors.get(feed.id)}</dd>
                    </>
                  )}
                  <dt>{t("ical.conflicts")}</dt>
                  <dd>{feed.lastConflicts}</dd>
                </dl>
                <div className="actions">
                  <ActionForm
                    action={syncFeed.bind(null, id, feed.id)}
                    submit={t("ical.sync")}
                    submitLabel={t("ical.syncOf", { name: feed.name })}
                    submitClassName="button"
                    errorTitle={t("ical.syncFailed")}
                  >
                    {null}
                  </ActionForm>
                  <ActionForm
                    action={deleteFeed.bind(null, id, feed.id)}
                    submit={t("ical.delete")}
                    submitLabel={t("ical.deleteOf", { name: feed.name })}
                    submitClassName="button danger"
                    errorTitle={e("title")}
                  >
                    {null}
                  </ActionForm>
                </div>
              </li>
            ))}
          </ul>
        </section>

        <section className="card" aria-labelledby="add-feed">
          <h2 id="add-feed">{t("ical.add")}</h2>
          <ActionForm action={addFeed.bind(null, id)} submit={t("ical.addSubmit")} errorTitle={e("title")}>
            <div className="row">
              <Field name="name" label={t("ical.name")} hint={t("ical.nameHint")} maxLength={80} required />
              <Field name="url" label={t("ical.url")} type="url" inputMode="url" required />
            </div>
          </ActionForm>
        </section>

        <section className="card" aria-labelledby="export">
          <h2 id="export">{t("ical.export")}</h2>
          <p>{t("ical.exportHint")}</p>
          <ActionForm
            action={rotateExportLink.bind(null, id)}
            submit={t("ical.exportSubmit")}
            submitClassName="button"
            errorTitle={e("title")}
          >
            <ExportLink label={t("ical.exportUrl")} copy={t("ical.copy")} copied={t("ical.copied")} />
          </ActionForm>
        </section>
      </div>
    </>
  );
}
