import { getTranslations, setRequestLocale } from "next-intl/server";
import { Field } from "@/components/form";
import { Link } from "@/i18n/navigation";
import { signIn } from "./actions";
import { AuthCard } from "./auth-card";

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("signInTitle") };
}

export default async function SignInPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ next?: string; reset?: string }>;
}) {
  setRequestLocale((await params).locale);
  const { next, reset } = await searchParams;
  const t = await getTranslations("auth");
  return (
    <AuthCard
      title={t("signInTitle")}
      action={signIn}
      submit={t("signIn")}
      next={next}
      other={{ prompt: t("noAccount"), label: t("registerTitle"), pathname: "/register" }}
    >
      <Field name="email" label={t("email")} type="email" autoComplete="email" required />
      {reset && (
        <p role="status" className="alert alert-success">
          {t("resetDone")}
        </p>
      )}
      <Field name="password" label={t("password")} type="password" autoComplete="current-password" required />
      <Link href="/forgot-password">{t("forgot")}</Link>
    </AuthCard>
  );
}
