// The top of every editor page: the property, its status, what publishing still needs, the
// buttons that change the status, and the editor's sections.
import type { PropertyDto } from "@sejour/sdk";
import { getTranslations } from "next-intl/server";
import { ActionForm, SubmitButton } from "@/components/form";
import { StatusBadge } from "@/components/status";
import { Link } from "@/i18n/navigation";
import { missingToPublish } from "@/lib/editor";
import { AdminNav } from "../nav";
import { changeStatus } from "./[id]/actions";

export const SECTIONS = ["details", "rates", "photos", "calendar", "ical"] as const;
export type Section = (typeof SECTIONS)[number];

const hrefOf = (id: string, section: Section) =>
  section === "details" ? `/admin/properties/${id}` : `/admin/properties/${id}/${section}`;

export async function EditorHeader({ property, section }: { property: PropertyDto; section: Section }) {
  const t = await getTranslations("editor");
  const missing = missingToPublish(property);
  const { id, status } = property;
  return (
    <>
      <AdminNav current="properties" />
      <p>
        <Link href="/admin/properties">{t("backToList")}</Link>
      </p>
      <div className="editor-head">
        <h1>{property.name}</h1>
        <StatusBadge status={status} />
        {status === "published" && (
          <Link href={`/properties/${id}`} className="muted">
            {t("viewPublic")}
          </Link>
        )}
      </div>
      <section className="card stack" aria-labelledby="publishing">
        <h2 id="publishing">{t("publish.title")}</h2>
        {status !== "published" &&
          (missing.length > 0 ? (
            <div>
              <p>{t("publish.needs")}</p>
              <ul data-testid="missing">
                {missing.map((m) => (
                  <li key={m}>{t(`publish.missing.${m}`)}</li>
                ))}
              </ul>
            </div>
          ) : (
            <p>{t("publish.ready")}</p>
          ))}
        <ActionForm action={changeStatus.bind(null, id)} errorTitle={t("publish.refusedTitle")}>
          <div className="actions">
            {status !== "published" && (
              <SubmitButton name="change" value="publish" className="button primary">
                {t("publish.publish")}
              </SubmitButton>
            )}
            {status !== "draft" && (
              <SubmitButton name="change" value="unpublish">
                {status === "published" ? t("publish.unpublish") : t("publish.toDraft")}
              </SubmitButton>
            )}
            {status !== "archived" && (
              <SubmitButton name="change" value="archive" className="button danger">
                {t("publish.archive")}
              </SubmitButton>
            )}
          </div>
        </ActionForm>
      </section>
      <nav aria-label={t("sections")} className="tabs editor-tabs">
        {SECTIONS.map((s) => (
          <Link key={s} href={hrefOf(id, s)} aria-current={s === section ? "page" : undefined}>
            {t(`section.${s}`)}
          </Link>
        ))}
      </nav>
    </>
  );
}
