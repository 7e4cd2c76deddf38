import { getTranslations, setRequestLocale } from "next-intl/server";
import { ListPage } from "@/components/list-page";
import { Link } from "@/i18n/navigation";
import { api } from "@/lib/api";
import { requireRole } from "@/lib/guard";
import { AdminNav } from "../nav";

export default async function AdminOwnersPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ q?: string; cursor?: string }>;
}) {
  setRequestLocale((await params).locale);
  await requireRole(["admin", "manager"], "/admin/owners");
  const { q, cursor } = await searchParams;
  const { data } = await (await api()).GET("/api/v1/owners", {
    params: { query: { q: q?.trim() || undefined, cursor, limit: 50 } },
  });
  const t = await getTranslations("admin");
  return (
    <>
      <AdminNav current="owners" />
      <ListPage
        title={t("owners")}
        q={q}
        pathname="/admin/owners"
        nextCursor={data?.nextCursor}
        columns={[t("name"), t("email"), t("city")]}
        rows={(data?.items ?? []).map((o) => ({
          key: o.id,
          cells: [
            <Link key="n" href={`/admin/owners/${o.id}`}>
              {o.displayName}
            </Link>,
            <a key="e" href={`mailto:${o.email}`}>
              {o.email}
            </a>,
            o.address.city,
          ],
        }))}
      />
    </>
  );
}
