import { getTranslations, setRequestLocale } from "next-intl/server";
import { ActionForm, Field } from "@/components/form";
import { Link } from "@/i18n/navigation";
import { register } from "../sign-in/actions";

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("registerTitle") };
}

export default async function RegisterPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ next?: string }>;
}) {
  setRequestLocale((await params).locale);
  const { next } = await searchParams;
  const [t, e] = await Promise.all([getTranslations("auth"), getTranslations("errors")]);
  return (
    <div className="card" style={{ maxWidth: "28rem", margin: "0 auto" }}>
      <h1>{t("registerTitle")}</h1>
      <ActionForm action={register} submit={t("register")} errorTitle={e("title")}>
        {next && <input type="hidden" name="next" value={next} />}
        <Field name="firstName" label={t("firstName")} autoComplete="given-name" required />
        <Field name="lastName" label={t("lastName")} autoComplete="family-name" required />
        <Field name="email" label={t("email")} type="email" autoComplete="email" required />
        <Field
          name="password"
          label={t("password")}
          hint={t("passwordHint")}
          type="password"
          autoComplete="new-password"
          minLength={12}
          required
        />
      </ActionForm>
      <p>
        {t("haveAccount")} <Link href={{ pathname: "/sign-in", query: next ? { next } : {} }}>{t("signIn")}</Link>
      </p>
    </div>
  );
}
