import { getTranslations, setRequestLocale } from "next-intl/server";
import { ActionForm, NewPasswordField } from "@/components/form";
import { Link } from "@/i18n/navigation";
import { resetPassword } from "../account/actions";

/** Reached from the emailed link (`/reset-password?token=…`, the API's `SEJOUR_PUBLIC_URL`). */
export default async function ResetPasswordPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ token?: string }>;
}) {
  setRequestLocale((await params).locale);
  const { token } = await searchParams;
  const [t, e] = await Promise.all([getTranslations("auth"), getTranslations("errors")]);
  return (
    <div className="card" style={{ maxWidth: "28rem", margin: "0 auto" }}>
      <h1>{t("resetTitle")}</h1>
      {token ? (
        <ActionForm action={resetPassword.bind(null, token)} submit={t("resetSubmit")} errorTitle={e("title")}>
          <NewPasswordField name="newPassword" label={t("newPassword")} hint={t("passwordHint")} />
        </ActionForm>
      ) : (
        <p role="alert" className="alert alert-error">
          {t("resetNoToken")} <Link href="/forgot-password">{t("sendLink")}</Link>
        </p>
      )}
    </div>
  );
}
