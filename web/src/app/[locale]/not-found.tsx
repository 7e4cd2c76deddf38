import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";

export default async function NotFound() {
  const t = await getTranslations("app");
  return (
    <div className="card stack">
      <h1>{t("notFound")}</h1>
      <p>
        <Link href="/">{t("nav.search")}</Link>
      </p>
    </div>
  );
}
