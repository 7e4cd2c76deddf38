import { getTranslations } from "next-intl/server";

type Status = "pending" | "confirmed" | "completed" | "cancelled" | "draft" | "published" | "unpublished" | "archived";

/** A status as a coloured badge with its word (colour is never the only signal). */
export async function StatusBadge({ status }: { status: Status }) {
  const t = await getTranslations("status");
  return <span className={`badge ${status}`}>{t(status)}</span>;
}
