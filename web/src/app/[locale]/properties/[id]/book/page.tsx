import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ActionForm, Field } from "@/components/form";
import { QuoteLines } from "@/components/quote";
import { redirect } from "@/i18n/navigation";
import { api, currentUser } from "@/lib/api";
import { formatDay } from "@/lib/format";
import { describeProblem } from "@/lib/problems";
import { parseStay, type StayQuery } from "@/lib/stay";
import { book } from "./actions";

export default async function BookPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<StayQuery>;
}) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const stay = parseStay(query);
  if (!stay) return redirect({ href: `/properties/${id}`, locale });
  if (!(await currentUser())) {
    const back = `/properties/${id}/book?${new URLSearchParams(query as Record<string, string>)}`;
    redirect({ href: { pathname: "/sign-in", query: { next: back } }, locale });
  }
  const client = await api();
  const [{ data: property }, quote, { data: me }] = await Promise.all([
    client.GET("/api/v1/properties/{id}", { params: { path: { id } } }),
    client.GET("/api/v1/properties/{id}/quote", {
      params: {
        path: { id },
        query: { checkIn: stay.checkIn, checkOut: stay.checkOut, adults: stay.adults, children: stay.children },
      },
    }),
    client.GET("/api/v1/users/me"),
  ]);
  if (!property) notFound();
  const [t, e] = await Promise.all([getTranslations("book"), getTranslations("errors")]);
  const problem = quote.error ? await describeProblem(quote.error, quote.response) : undefined;

  return (
    <div className="two">
      <section className="card stack">
        <h1>{t("title", { name: property.name })}</h1>
        <p>{t("stay", { checkIn: formatDay(stay.checkIn, locale), checkOut: formatDay(stay.checkOut, locale) })}</p>
        <ActionForm action={book.bind(null, id, stay)} submit={t("submit")} errorTitle={e("title")}>
          <input type="hidden" name="idempotencyKey" value={crypto.randomUUID()} />
          <fieldset className="stack" style={{ border: 0, padding: 0, margin: 0 }}>
            <legend>
              <h2 style={{ marginTop: 0 }}>{t("guest")}</h2>
            </legend>
            <div className="row">
              <Field
                name="firstName"
                errorFor="guest.firstName"
                label={t("firstName")}
                autoComplete="given-name"
                defaultValue={me?.firstName}
                required
              />
              <Field
                name="lastName"
                errorFor="guest.lastName"
                label={t("lastName")}
                autoComplete="family-name"
                defaultValue={me?.lastName}
                required
              />
            </div>
            <Field
              name="email"
              errorFor="guest.email"
              label={t("email")}
              type="email"
              autoComplete="email"
              defaultValue={me?.email}
              required
            />
            <Field
              name="phone"
              errorFor="guest.phone"
              label={t("phone")}
              hint={t("phoneHint")}
              type="tel"
              autoComplete="tel"
              defaultValue={me?.phone ?? undefined}
              required
            />
            <Field
              name="line1"
              errorFor="guest.address.line1"
              label={t("line1")}
              autoComplete="address-line1"
              required
            />
            <Field name="line2" errorFor="guest.address.line2" label={t("line2")} autoComplete="address-line2" />
            <div className="row">
              <Field
                name="postalCode"
                errorFor="guest.address.postalCode"
                label={t("postalCode")}
                autoComplete="postal-code"
                required
              />
              <Field
                name="city"
                errorFor="guest.address.city"
                label={t("cityField")}
                autoComplete="address-level2"
                required
              />
              <Field
                name="country"
                errorFor="guest.address.country"
                label={t("country")}
                autoComplete="country"
                defaultValue={locale === "fr" ? "FR" : undefined}
                maxLength={2}
                required
              />
            </div>
            <div className="field">
              <label htmlFor="notes">{t("notes")}</label>
              <textarea id="notes" name="notes" rows={3} maxLength={2000} />
            </div>
          </fieldset>
        </ActionForm>
      </section>
      <aside className="card">
        {problem && (
          <p role="alert" className="alert alert-error">
            {problem}
          </p>
        )}
        {quote.data && <QuoteLines quote={quote.data} locale={locale} />}
      </aside>
    </div>
  );
}
