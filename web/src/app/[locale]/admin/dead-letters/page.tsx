import { getTranslations, setRequestLocale } from "next-intl/server";
import { ListPage } from "@/components/list-page";
import { Link } from "@/i18n/navigation";
import { api } from "@/lib/api";
import { formatInstant } from "@/lib/format";
import { requireRole } from "@/lib/guard";
import { listProblem } from "@/lib/problems";
import { AdminNav } from "../nav";

/** Deliveries that exhausted their attempts (or failed for good), newest first, for administrators. */
export default async function AdminDeadLettersPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ consumer?: string; cursor?: string; replayed?: string }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireRole(["admin"], "/admin/dead-letters");
  const { cursor, replayed, ...query } = await searchParams;
  const consumer = query.consumer?.trim() || undefined;
  const result = await (await api()).GET("/api/v1/admin/dead-letters", {
    params: { query: { consumer, cursor, limit: 50 } },
  });
  const t = await getTranslations("admin");
  const problem = result.error ? (await listProblem(result.error, result.response)).text : undefined;

  return (
    <>
      <AdminNav current="deadLetters" />
      <ListPage
        title={t("deadLetters")}
        search={false}
        intro={<p className="muted">{t("dead.intro")}</p>}
        query={consumer ? { consumer } : {}}
        pathname="/admin/dead-letters"
        nextCursor={result.data?.nextCursor}
        error={problem}
        notice={/^\d+$/.test(replayed ?? "") ? t("dead.replayed", { id: replayed ?? "" }) : undefined}
        empty={consumer ? t("dead.noneFor", { consumer }) : t("dead.none")}
        filters={
          <div className="field">
            <label htmlFor="consumer">{t("dead.consumer")}</label>
            <input id="consumer" name="consumer" defaultValue={consumer} autoComplete="off" />
          </div>
        }
        columns={[
          t("dead.id"),
          t("dead.consumer"),
          t("dead.message"),
          t("dead.attempts"),
          t("dead.since"),
          t("dead.error"),
        ]}
        rows={(result.data?.items ?? []).map((d) => ({
          key: String(d.id),
          cells: [
            <Link key="i" href={`/admin/dead-letters/${d.id}`} aria-label={t("dead.open", { id: d.id })}>
              #{d.id}
            </Link>,
            <code key="c">{d.consumer}</code>,
            <span key="m">
              {t(`dead.kinds.${d.messageKind}`)} <code>{d.messageType}</code>
            </span>,
            d.attempts,
            <time key="s" dateTime={d.deadSince}>
              {formatInstant(d.deadSince, locale)}
            </time>,
            d.lastError ? truncate(d.lastError, 120) : "—",
          ],
        }))}
      />
    </>
  );
}

const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
