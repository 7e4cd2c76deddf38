import { getTranslations, setRequestLocale } from "next-intl/server";
import { Field, NewPasswordField } from "@/components/form";
import { register } from "../sign-in/actions";
import { AuthCard } from "../sign-in/auth-card";

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
  const t = await getTranslations("auth");
  return (
    <AuthCard
      title={t("registerTitle")}
      action={register}
      submit={t("register")}
      next={next}
      other={{ prompt: t("haveAccount"), label: t("signIn"), pathname: "/sign-in" }}
    >
      <Field name="firstName" label={t("firstName")} autoComplete="given-name" required />
      <Field name="lastName" label={t("lastName")} autoComplete="family-name" required />
      <Field name="email" label={t("email")} type="email" autoComplete="email" required />
      <NewPasswordField name="password" label={t("password")} hint={t("passwordHint")} />
    </AuthCard>
  );
}
