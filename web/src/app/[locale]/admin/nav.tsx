import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";

/** The back office's sections. */
export async function AdminNav() {
  const t = await getTranslations("admin");
  return (
    <nav aria-label={t("title")} className="tabs">
      <Link href="/admin">{t("reservations")}</Link>
      <Link href="/admin/properties">{t("properties")}</Link>
      <Link href="/admin/owners">{t("owners")}</Link>
      <Link href="/admin/users">{t("users")}</Link>
    </nav>
  );
}
