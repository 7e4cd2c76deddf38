import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ActionForm, Select } from "@/components/form";
import { Link } from "@/i18n/navigation";
import { api } from "@/lib/api";
import { formatInstant } from "@/lib/format";
import { requireRole } from "@/lib/guard";
import { AdminNav } from "../../nav";
import { ROLES } from "../roles";
import { changeRole, setDisabled } from "./actions";

/** One account for administrators: who, role, whether it may sign in; change the role, disable or enable it. */
export default async function AdminUserPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const me = await requireRole(["admin"], `/admin/users/${id}`);
  const { data: user } = await (await api()).GET("/api/v1/users/{id}", { params: { path: { id } } });
  if (!user) notFound();
  const [t, e] = await Promise.all([getTranslations("admin"), getTranslations("errors")]);
  const self = user.id === me.userId;

  return (
    <>
      <AdminNav current="users" />
      <div className="two">
        <section className="card stack">
          <h1>
            {user.firstName} {user.lastName}
          </h1>
          <dl className="facts">
            <dt>{t("email")}</dt>
            <dd>
              <a href={`mailto:${user.email}`}>{user.email}</a>
            </dd>
            <dt>{t("owner.phone")}</dt>
            <dd>{user.phone ?? t("owner.none")}</dd>
            <dt>{t("role")}</dt>
            <dd data-testid="role">{t(`roles.${user.role}`)}</dd>
            <dt>{t("user.account")}</dt>
            <dd data-testid="account-status">
              <span className={`badge ${user.disabled ? "cancelled" : "confirmed"}`}>
                {user.disabled ? t("user.disabled") : t("user.enabled")}
              </span>
            </dd>
            <dt>{t("user.language")}</dt>
            <dd>{t(`user.languages.${user.language}`)}</dd>
            <dt>{t("user.created")}</dt>
            <dd>{formatInstant(user.createdAt, locale)}</dd>
            <dt>{t("user.updated")}</dt>
            <dd>{formatInstant(user.updatedAt, locale)}</dd>
          </dl>
          {self && <p className="muted">{t("user.self")}</p>}
          <p>
            <Link href={{ pathname: "/admin/audit", query: { targetType: "user", targetId: user.id } }}>
              {t("user.history")}
            </Link>
          </p>
        </section>
        <aside className="stack">
          <section className="card stack" aria-labelledby="role-heading">
            <h2 id="role-heading" style={{ marginTop: 0 }}>
              {t("user.changeRole")}
            </h2>
            <ActionForm action={changeRole.bind(null, id)} submit={t("user.changeRole")} errorTitle={e("title")}>
              <input type="hidden" name="version" value={user.version} />
              <Select
                name="role"
                label={t("user.newRole")}
                defaultValue={user.role}
                options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              />
            </ActionForm>
          </section>
          <section className="card stack" aria-labelledby="access-heading">
            <h2 id="access-heading" style={{ marginTop: 0 }}>
              {t("user.access")}
            </h2>
            <p>{user.disabled ? t("user.disabledHelp") : t("user.enabledHelp")}</p>
            <ActionForm
              action={setDisabled.bind(null, id)}
              submit={user.disabled ? t("user.enable") : t("user.disable")}
              danger={!user.disabled}
              errorTitle={e("title")}
            >
              <input type="hidden" name="version" value={user.version} />
              <input type="hidden" name="disabled" value={String(!user.disabled)} />
            </ActionForm>
          </section>
        </aside>
      </div>
    </>
  );
}
