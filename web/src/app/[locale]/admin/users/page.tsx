import { getTranslations, setRequestLocale } from "next-intl/server";
import { ListPage } from "@/components/list-page";
import { api } from "@/lib/api";
import { requireRole } from "@/lib/guard";
import { AdminNav } from "../nav";

export default async function AdminUsersPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ q?: string; cursor?: string }>;
}) {
  setRequestLocale((await params).locale);
  await requireRole(["admin"], "/admin/users");
  const { q, cursor } = await searchParams;
  const { data } = await (await api()).GET("/api/v1/users", {
    params: { query: { q: q?.trim() || undefined, cursor, limit: 50 } },
  });
  const t = await getTranslations("admin");
  return (
    <>
      <AdminNav />
      <ListPage
        title={t("users")}
        q={q}
        pathname="/admin/users"
        nextCursor={data?.nextCursor}
        columns={[t("name"), t("email"), t("role")]}
        rows={(data?.items ?? []).map((u) => ({
          key: u.id,
          cells: [`${u.firstName} ${u.lastName}`, u.email, u.role],
        }))}
      />
    </>
  );
}
