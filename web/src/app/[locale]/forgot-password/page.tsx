import { getTranslations, setRequestLocale } from "next-intl/server";
import { ActionForm, Field } from "@/components/form";
import { requestPasswordReset } from "../account/actions";

export default async function ForgotPasswordPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  const [t, e] = await Promise.all([getTranslations("auth"), getTranslations("errors")]);
  return (
    <div className="card" style={{ maxWidth: "28rem", margin: "0 auto" }}>
      <h1>{t("forgotTitle")}</h1>
      <p>{t("forgotIntro")}</p>
      <ActionForm action={requestPasswordReset} submit={t("sendLink")} errorTitle={e("title")}>
        <Field name="email" label={t("email")} type="email" autoComplete="email" required />
      </ActionForm>
    </div>
  );
}
