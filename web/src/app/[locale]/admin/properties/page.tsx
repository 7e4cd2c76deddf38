import { getTranslations, setRequestLocale } from "next-intl/server";
import { ListPage } from "@/components/list-page";
import { StatusBadge } from "@/components/status";
import { Link } from "@/i18n/navigation";
import { api } from "@/lib/api";
import { requireRole } from "@/lib/guard";
import { AdminNav } from "../nav";

export default async function AdminPropertiesPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ q?: string; cursor?: string }>;
}) {
  setRequestLocale((await params).locale);
  await requireRole(["admin", "manager"], "/admin/properties");
  const { q, cursor } = await searchParams;
  const { data } = await (await api()).GET("/api/v1/properties/managed", {
    params: { query: { q: q?.trim() || undefined, cursor, limit: 50 } },
  });
  const t = await getTranslations("admin");
  return (
    <>
      <AdminNav current="properties" />
      <p>
        <Link className="button primary" href="/admin/properties/new">
          {(await getTranslations("editor"))("new.title")}
        </Link>
      </p>
      <ListPage
        title={t("properties")}
        q={q}
        pathname="/admin/properties"
        nextCursor={data?.nextCursor}
        columns={[t("name"), t("city"), t("filterStatus")]}
        rows={(data?.items ?? []).map((p) => ({
          key: p.id,
          cells: [
            <Link key="n" href={`/admin/properties/${p.id}`}>
              {p.name}
            </Link>,
            p.city,
            <StatusBadge key="s" status={p.status} />,
          ],
        }))}
      />
    </>
  );
}
