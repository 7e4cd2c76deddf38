import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ActionForm } from "@/components/form";
import { Link } from "@/i18n/navigation";
import { api } from "@/lib/api";
import { formatInstant } from "@/lib/format";
import { requireRole } from "@/lib/guard";
import { AdminNav } from "../../nav";
import { replayDeadLetter } from "./actions";

/** One dead letter: what failed, how often, the last error and the message; replay it. */
export default async function AdminDeadLetterPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id: raw } = await params;
  setRequestLocale(locale);
  await requireRole(["admin"], `/admin/dead-letters/${raw}`);
  if (!/^\d{1,18}$/.test(raw)) notFound();
  const id = Number(raw);
  const { data: letter } = await (await api()).GET("/api/v1/admin/dead-letters/{id}", {
    params: { path: { id } },
  });
  if (!letter) notFound();
  const [t, e] = await Promise.all([getTranslations("admin"), getTranslations("errors")]);

  return (
    <>
      <AdminNav current="deadLetters" />
      <p>
        <Link href="/admin/dead-letters">{t("dead.back")}</Link>
      </p>
      <section className="card stack">
        <h1>{t("dead.title", { id: letter.id })}</h1>
        <dl className="facts">
          <dt>{t("dead.consumer")}</dt>
          <dd>
            <code>{letter.consumer}</code>
          </dd>
          <dt>{t("dead.message")}</dt>
          <dd>
            {t(`dead.kinds.${letter.messageKind}`)} <code>{letter.messageType}</code>
          </dd>
          <dt>{t("dead.messageId")}</dt>
          <dd>
            <code>{letter.messageId}</code>
          </dd>
          <dt>{t("dead.written")}</dt>
          <dd>{formatInstant(letter.occurredAt, locale)}</dd>
          <dt>{t("dead.attempts")}</dt>
          <dd>{letter.attempts}</dd>
          <dt>{t("dead.since")}</dt>
          <dd>{formatInstant(letter.deadSince, locale)}</dd>
          {letter.correlationId && (
            <>
              <dt>{t("dead.correlation")}</dt>
              <dd>
                <code>{letter.correlationId}</code>
              </dd>
            </>
          )}
        </dl>
        <h2>{t("dead.error")}</h2>
        <pre className="json">{letter.lastError ?? "—"}</pre>
        <h2>{t("dead.payload")}</h2>
        <pre className="json">{JSON.stringify(letter.payload, null, 2)}</pre>
        <p>{t("dead.replayHelp")}</p>
        <ActionForm action={replayDeadLetter.bind(null, letter.id)} submit={t("dead.replay")} errorTitle={e("title")}>
          {null}
        </ActionForm>
      </section>
    </>
  );
}
