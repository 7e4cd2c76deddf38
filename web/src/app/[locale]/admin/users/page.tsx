import { getTranslations, setRequestLocale } from "next-intl/server";
import { ListPage } from "@/components/list-page";
import { Link } from "@/i18n/navigation";
import { api } from "@/lib/api";
import { requireRole } from "@/lib/guard";
import { AdminNav } from "../nav";
import { ROLES } from "./roles";

export default async function AdminUsersPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ q?: string; role?: string; cursor?: string }>;
}) {
  setRequestLocale((await params).locale);
  await requireRole(["admin"], "/admin/users");
  const { q, cursor, ...query } = await searchParams;
  const role = ROLES.find((r) => r === query.role);
  const { data } = await (await api()).GET("/api/v1/users", {
    params: { query: { q: q?.trim() || undefined, role, cursor, limit: 50 } },
  });
  const t = await getTranslations("admin");
  return (
    <>
      <AdminNav current="users" />
      <ListPage
        title={t("users")}
        q={q}
        query={role ? { role } : {}}
        pathname="/admin/users"
        nextCursor={data?.nextCursor}
        filters={
          <div className="field">
            <label htmlFor="role">{t("role")}</label>
            <select id="role" name="role" defaultValue={role ?? ""}>
              <option value="">{t("all")}</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          </div>
        }
        columns={[t("name"), t("email"), t("role"), t("user.account")]}
        rows={(data?.items ?? []).map((u) => ({
          key: u.id,
          cells: [
            <Link key="n" href={`/admin/users/${u.id}`}>
              {u.firstName} {u.lastName}
            </Link>,
            u.email,
            t(`roles.${u.role}`),
            u.disabled ? t("user.disabled") : t("user.enabled"),
          ],
        }))}
      />
    </>
  );
}
