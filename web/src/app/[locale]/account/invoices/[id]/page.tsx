import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PrintButton } from "@/components/print-button";
import { Link } from "@/i18n/navigation";
import { api } from "@/lib/api";
import { formatDay, formatInstant, money } from "@/lib/format";
import { requireRole } from "@/lib/guard";

/** An invoice or credit note with its mentions, printable (the browser saves it as PDF):
 * a guest's own, an owner's commission invoices, any for staff. */
export default async function InvoicePage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const me = await requireRole(["guest", "owner", "admin", "manager"], `/account/invoices/${id}`);
  const client = await api();
  const { data: invoice } = await client.GET("/api/v1/invoices/{id}", { params: { path: { id } } });
  if (!invoice) notFound();
  const corrected = invoice.corrects
    ? (await client.GET("/api/v1/invoices/{id}", { params: { path: { id: invoice.corrects } } })).data
    : undefined;
  const t = await getTranslations("payments");
  const party = (p: typeof invoice.seller) => (
    <address>
      <strong>{p.name}</strong>
      <br />
      {p.address}
      {p.legalId && (
        <>
          <br />
          {p.legalId}
        </>
      )}
      {p.email && (
        <>
          <br />
          {p.email}
        </>
      )}
    </address>
  );
  return (
    <article className="card stack invoice">
      <h1>
        {t(`invoiceKind.${invoice.kind}`)} {invoice.reference}
      </h1>
      <p>{t("invoice.issued", { date: formatInstant(invoice.issuedAt, locale) })}</p>
      <div className="two">
        <section>
          <h2>{t("invoice.seller")}</h2>
          {party(invoice.seller)}
        </section>
        <section>
          <h2>{t("invoice.buyer")}</h2>
          {party(invoice.buyer)}
        </section>
      </div>
      {corrected && <p>{t("invoice.corrects", { reference: corrected.reference })}</p>}
      <table>
        <thead>
          <tr>
            <th scope="col">{t("invoice.description")}</th>
            <th scope="col">{t("invoice.amount")}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>
              {invoice.description}
              <br />
              <small className="muted">
                {t("invoice.stay", {
                  from: formatDay(invoice.serviceFrom, locale),
                  to: formatDay(invoice.serviceTo, locale),
                })}
              </small>
            </td>
            <td data-testid="invoice-amount">{money(invoice.net, locale)}</td>
          </tr>
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("invoice.net")}</th>
            <td>{money(invoice.net, locale)}</td>
          </tr>
          <tr>
            <th scope="row">
              {invoice.vatRateBp === 0
                ? t("invoice.vatExempt")
                : t("invoice.vat", { rate: (invoice.vatRateBp / 100).toLocaleString(locale) })}
            </th>
            <td>{invoice.vatRateBp === 0 ? "—" : money(invoice.vat, locale)}</td>
          </tr>
          <tr>
            <th scope="row">{invoice.kind === "credit_note" ? t("invoice.credited") : t("invoice.total")}</th>
            <td>{money(invoice.amount, locale)}</td>
          </tr>
        </tfoot>
      </table>
      {invoice.vatMention && <p>{invoice.vatMention}</p>}
      {invoice.dueOn ? (
        <p>
          <strong>{t("invoice.due", { date: formatDay(invoice.dueOn, locale) })}</strong>
        </p>
      ) : (
        invoice.kind === "commission" && <p>{t("invoice.paidFromFunds")}</p>
      )}
      <p className="row no-print">
        <a className="button" href={`/api/v1/invoices/${invoice.id}/pdf`} download={`${invoice.reference}.pdf`}>
          {t("invoice.pdf")}
        </a>
        <PrintButton label={t("invoice.print")} />
        {me.role === "owner" ? (
          <Link href="/owner">{t("invoice.owner")}</Link>
        ) : (
          <Link href={`/account/reservations/${invoice.reservationId}`}>{t("invoice.back")}</Link>
        )}
      </p>
    </article>
  );
}
