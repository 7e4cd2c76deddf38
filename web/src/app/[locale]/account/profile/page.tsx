import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ActionForm, Field, NewPasswordField } from "@/components/form";
import { api } from "@/lib/api";
import { requireRole } from "@/lib/guard";
import { changePassword, updateProfile } from "../actions";

export async function generateMetadata() {
  return { title: (await getTranslations("account"))("profile") };
}

export default async function ProfilePage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  await requireRole(["guest", "owner", "admin", "manager"], "/account/profile");
  const { data: me } = await (await api()).GET("/api/v1/users/me");
  if (!me) notFound();
  const [t, e] = await Promise.all([getTranslations("account"), getTranslations("errors")]);
  return (
    <div className="two">
      <section className="card stack">
        <h1>{t("profile")}</h1>
        <p className="muted">{me.email}</p>
        <ActionForm action={updateProfile} submit={t("save")} errorTitle={e("title")}>
          <input type="hidden" name="version" value={me.version} />
          <Field
            name="firstName"
            label={t("firstName")}
            autoComplete="given-name"
            defaultValue={me.firstName}
            required
          />
          <Field name="lastName" label={t("lastName")} autoComplete="family-name" defaultValue={me.lastName} required />
          <Field
            name="phone"
            label={t("phone")}
            type="tel"
            autoComplete="tel"
            hint={t("phoneHint")}
            defaultValue={me.phone ?? undefined}
          />
          <div className="field">
            <label htmlFor="language">{t("language")}</label>
            <select id="language" name="language" defaultValue={me.language}>
              <option value="fr">Français</option>
              <option value="en">English</option>
            </select>
          </div>
        </ActionForm>
      </section>
      <section className="card stack">
        <h2>{t("password")}</h2>
        <ActionForm action={changePassword} submit={t("changePassword")} errorTitle={e("title")}>
          <Field
            name="currentPassword"
            label={t("currentPassword")}
            type="password"
            autoComplete="current-password"
            required
          />
          <NewPasswordField name="newPassword" label={t("newPassword")} hint={t("passwordHint")} />
        </ActionForm>
      </section>
    </div>
  );
}
