import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ActionForm, CheckboxField, Field, SubmitButton } from "@/components/form";
import { api } from "@/lib/api";
import { money } from "@/lib/format";
import { authenticateCheckout, payCheckout } from "./actions";

/** The built-in gateway's payment page: the amount, a card, and the bank's second step when asked. */
export default async function CheckoutPage({ params }: { params: Promise<{ locale: string; reference: string }> }) {
  const { locale, reference } = await params;
  setRequestLocale(locale);
  const { data: checkout } = await (await api()).GET("/api/v1/checkout/{reference}", {
    params: { path: { reference } },
  });
  if (!checkout) notFound();
  const [t, e] = await Promise.all([getTranslations("payments"), getTranslations("errors")]);
  const back = checkout.returnUrl.startsWith("/") && !checkout.returnUrl.startsWith("//") ? checkout.returnUrl : "/";
  return (
    <section className="card stack" style={{ maxWidth: "32rem", margin: "0 auto" }}>
      <h1>{t("checkoutTitle")}</h1>
      <p className="price" data-testid="checkout-amount">
        {money(checkout.amount, locale)}
      </p>
      <p className="muted">{checkout.description}</p>
      {checkout.status === "open" && (
        <ActionForm action={payCheckout.bind(null, reference)} submit={t("payNow")} errorTitle={e("title")}>
          <Field
            name="cardNumber"
            label={t("cardNumber")}
            hint={t("testCards")}
            inputMode="numeric"
            autoComplete="cc-number"
            required
          />
          <CheckboxField name="saveCard" label={t("saveCard")} />
        </ActionForm>
      )}
      {checkout.status === "requires_action" && (
        <div className="stack">
          <p>{t("secondStep")}</p>
          <div className="row">
            <ActionForm action={authenticateCheckout.bind(null, reference, true)} errorTitle={e("title")}>
              <SubmitButton className="primary">{t("approve")}</SubmitButton>
            </ActionForm>
            <ActionForm action={authenticateCheckout.bind(null, reference, false)} errorTitle={e("title")}>
              <SubmitButton>{t("refuse")}</SubmitButton>
            </ActionForm>
          </div>
        </div>
      )}
      {(checkout.status === "succeeded" || checkout.status === "failed") && (
        <p
          role={checkout.status === "succeeded" ? "status" : "alert"}
          className={`alert ${checkout.status === "succeeded" ? "alert-success" : "alert-error"}`}
        >
          {checkout.status === "succeeded" ? t("paidAlready") : t("declined")}
        </p>
      )}
      <p>
        <a href={back}>{t("back")}</a>
      </p>
    </section>
  );
}
