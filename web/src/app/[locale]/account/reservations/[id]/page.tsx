import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ActionForm, CheckboxField, Field } from "@/components/form";
import { DepositSummary, InvoiceList, PaymentList } from "@/components/payments";
import { QuoteLines } from "@/components/quote";
import { RefreshSoon } from "@/components/refresh-soon";
import { StatusBadge } from "@/components/status";
import { Timeline } from "@/components/timeline";
import { api } from "@/lib/api";
import { loadBooking } from "@/lib/booking";
import { formatDay, money, today } from "@/lib/format";
import { requireRole } from "@/lib/guard";
import { nextInstallment } from "@/lib/payments";
import { cancelMyReservation, payNextInstallment } from "../../actions";

export default async function MyReservationPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<{ booked?: string; paid?: string }>;
}) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  await requireRole(["guest", "admin", "manager", "owner"], `/account/reservations/${id}`);
  const client = await api();
  const booking = await loadBooking(client, id);
  if (!booking) notFound();
  const { reservation, events, payments, invoices, deposit, property } = booking;
  const [t, tBook, tQuote, tPay, e] = await Promise.all([
    getTranslations("account"),
    getTranslations("book"),
    getTranslations("quote"),
    getTranslations("payments"),
    getTranslations("errors"),
  ]);
  const open = reservation.status === "pending" || reservation.status === "confirmed";
  const preview = open
    ? (await client.GET("/api/v1/reservations/{id}/cancellation", { params: { path: { id } } })).data
    : undefined;
  const { booked, paid } = await searchParams;
  const next = open ? nextInstallment(reservation.price.installments, payments, today()) : undefined;
  const waiting = payments.find((p) => p.status === "pending" && p.checkoutUrl);
  return (
    <div className="two">
      <section className="card stack">
        {booked && (
          <p role="status" className="alert alert-success">
            {tBook("done")}
          </p>
        )}
        {paid && (
          <p role="status" className="alert alert-success">
            {reservation.status === "pending" ? tPay("receivedPending") : tPay("received")}
          </p>
        )}
        {paid && reservation.status === "pending" && <RefreshSoon />}
        <h1>
          {t("reservation")} — {property?.name}
        </h1>
        <p>
          <StatusBadge status={reservation.status} />
        </p>
        <p>
          {formatDay(reservation.checkIn, locale)} → {formatDay(reservation.checkOut, locale)}
        </p>
        <p>{t("guests", { adults: reservation.adults, children: reservation.children.length })}</p>
        <p>{t("paid", { amount: money(reservation.amountPaid, locale) })}</p>
        {reservation.cancellation && (
          <p>{t("refundDue", { amount: money(reservation.cancellation.refundDue, locale) })}</p>
        )}
        <h2>{tPay("title")}</h2>
        <PaymentList payments={payments} locale={locale} />
        <InvoiceList invoices={invoices} locale={locale} />
        {reservation.price.securityDeposit.amount > 0 && (
          <>
            <h2>{tPay("deposit.title")}</h2>
            <DepositSummary deposit={deposit} locale={locale} />
          </>
        )}
        {next &&
          (next.payableNow ? (
            <ActionForm
              action={payNextInstallment.bind(null, id)}
              submit={tPay(waiting ? "resume" : `pay.${next.installment.kind}`, {
                amount: money(next.installment.amount, locale),
              })}
              errorTitle={e("title")}
            >
              {!waiting && <CheckboxField name="saveCard" label={tPay("saveCard")} />}
              <p className="muted">{tPay("testMode")}</p>
            </ActionForm>
          ) : (
            <p>
              {tPay("dueOn", {
                kind: tQuote(`installment.${next.installment.kind}`),
                amount: money(next.installment.amount, locale),
                day: formatDay(next.installment.dueOn, locale),
              })}
            </p>
          ))}
        <h2>{t("timeline")}</h2>
        <Timeline events={events} locale={locale} />
        {open && (
          <details>
            <summary>{t("cancelTitle")}</summary>
            <p>
              {preview
                ? t("cancelPreview", {
                    amount: money(preview.refundDue, locale),
                    policy: tQuote(`policy.${preview.policy}`),
                  })
                : t("cancelPolicy", { policy: tQuote(`policy.${reservation.price.cancellationPolicy}`) })}
            </p>
            <ActionForm action={cancelMyReservation.bind(null, id)} submit={t("cancel")} errorTitle={e("title")}>
              <input type="hidden" name="version" value={reservation.version} />
              <Field name="reason" label={t("reason")} required />
            </ActionForm>
          </details>
        )}
      </section>
      <aside className="card">
        <QuoteLines quote={reservation.price.quote} locale={locale} />
      </aside>
    </div>
  );
}
