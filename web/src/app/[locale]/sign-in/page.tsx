import { getTranslations, setRequestLocale } from "next-intl/server";
import { ActionForm, Field } from "@/components/form";
import { Link } from "@/i18n/navigation";
import { signIn } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("signInTitle") };
}

export default async function SignInPage({
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
      <h1>{t("signInTitle")}</h1>
      <ActionForm action={signIn} submit={t("signIn")} errorTitle={e("title")}>
        {next && <input type="hidden" name="next" value={next} />}
        <Field name="email" label={t("email")} type="email" autoComplete="email" required />
        <Field name="password" label={t("password")} type="password" autoComplete="current-password" required />
      </ActionForm>
      <p>
        {t("noAccount")} <Link href={{ pathname: "/register", query: next ? { next } : {} }}>{t("register")}</Link>
      </p>
    </div>
  );
}
