import { randomUUID } from "node:crypto";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ActionForm, Field, TextArea } from "@/components/form";
import { DepositSummary, InvoiceList, PaymentList } from "@/components/payments";
import { QuoteLines } from "@/components/quote";
import { StatusBadge } from "@/components/status";
import { Timeline } from "@/components/timeline";
import { api } from "@/lib/api";
import { loadBooking } from "@/lib/booking";
import { formatDay, formatInstant, money, today } from "@/lib/format";
import { requireRole } from "@/lib/guard";
import { AdminNav } from "../../nav";
import {
  addDamagePhoto,
  cancelReservation,
  claimDeposit,
  confirmReservation,
  refundGoodwill,
  updateReservation,
} from "./actions";

export default async function AdminReservationPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  await requireRole(["admin", "manager"], `/admin/reservations/${id}`);
  const client = await api();
  const booking = await loadBooking(client, id);
  if (!booking) notFound();
  const { reservation, events, payments, invoices, deposit, property } = booking;
  const [t, tAccount, tPay, e] = await Promise.all([
    getTranslations("admin"),
    getTranslations("account"),
    getTranslations("payments"),
    getTranslations("errors"),
  ]);
  const open = reservation.status === "pending" || reservation.status === "confirmed";
  // The API takes changes until the day of arrival.
  const changeable = open && reservation.checkIn > today();
  const { guest } = reservation;
  const shown = {
    checkIn: reservation.checkIn,
    checkOut: reservation.checkOut,
    adults: reservation.adults,
    children: reservation.children,
    notes: reservation.notes ?? "",
  };

  return (
    <>
      <AdminNav current="reservations" />
      <div className="two">
        <section className="card stack">
          <h1>
            {guest.firstName} {guest.lastName} — {property?.name}
          </h1>
          <p>
            <StatusBadge status={reservation.status} />
          </p>
          <p>
            {formatDay(reservation.checkIn, locale)} → {formatDay(reservation.checkOut, locale)} ·{" "}
            {tAccount("guests", { adults: reservation.adults, children: reservation.children.length })}
          </p>
          <p>
            <a href={`mailto:${guest.email}`}>{guest.email}</a> · <a href={`tel:${guest.phone}`}>{guest.phone}</a>
          </p>
          <p className="muted">
            {guest.address.line1}, {guest.address.postalCode} {guest.address.city}, {guest.address.country}
          </p>
          {reservation.children.length > 0 && (
            <p>{t("edit.childrenAges", { ages: reservation.children.join(", ") })}</p>
          )}
          {reservation.status === "pending" && reservation.holdExpiresAt && (
            <p>
              {t.rich("desk.holdExpires", {
                time: formatInstant(reservation.holdExpiresAt, locale),
                at: (chunks) => <time dateTime={reservation.holdExpiresAt ?? undefined}>{chunks}</time>,
              })}
            </p>
          )}
          {reservation.notes && <blockquote data-testid="notes">{reservation.notes}</blockquote>}
          {reservation.cancellation && (
            <p>{t("refundDue", { amount: money(reservation.cancellation.refundDue, locale) })}</p>
          )}
          {reservation.status === "pending" && (
            <ActionForm action={confirmReservation.bind(null, id)} submit={t("confirm")} errorTitle={e("title")}>
              <input type="hidden" name="version" value={reservation.version} />
            </ActionForm>
          )}
          {open && (
            <ActionForm action={cancelReservation.bind(null, id)} submit={t("cancel")} errorTitle={e("title")}>
              <input type="hidden" name="version" value={reservation.version} />
              <Field name="reason" label={t("reason")} required />
            </ActionForm>
          )}
          {changeable ? (
            <section aria-labelledby="change-heading" className="stack">
              <h2 id="change-heading">{t("edit.title")}</h2>
              <ActionForm action={updateReservation.bind(null, id)} submit={t("edit.submit")} errorTitle={e("title")}>
                <input type="hidden" name="version" value={reservation.version} />
                <input type="hidden" name="shown" value={JSON.stringify(shown)} />
                <div className="row">
                  <Field name="checkIn" type="date" label={t("edit.checkIn")} defaultValue={shown.checkIn} required />
                  <Field
                    name="checkOut"
                    type="date"
                    label={t("edit.checkOut")}
                    defaultValue={shown.checkOut}
                    required
                  />
                </div>
                <div className="row">
                  <Field
                    name="adults"
                    type="number"
                    inputMode="numeric"
                    min={1}
                    label={t("edit.adults")}
                    defaultValue={String(shown.adults)}
                    required
                  />
                  <Field
                    name="children"
                    label={t("edit.children")}
                    hint={t("edit.childrenHint")}
                    defaultValue={shown.children.join(", ")}
                  />
                </div>
                <TextArea name="notes" label={t("edit.notes")} rows={3} maxLength={2000} defaultValue={shown.notes} />
              </ActionForm>
            </section>
          ) : (
            open && <p className="muted">{t("edit.closed")}</p>
          )}
          <h2>{tPay("title")}</h2>
          <PaymentList payments={payments} locale={locale} />
          {payments?.some((p) => p.status === "succeeded") && (
            <ActionForm
              action={refundGoodwill.bind(null, reservation.id)}
              submit={tPay("goodwill.submit")}
              errorTitle={e("title")}
            >
              <h3>{tPay("goodwill.title")}</h3>
              <input type="hidden" name="requestId" value={randomUUID()} />
              <div className="row">
                <Field name="amount" label={tPay("goodwill.amount")} inputMode="decimal" required />
                <Field name="reason" label={tPay("goodwill.reason")} maxLength={500} required />
              </div>
            </ActionForm>
          )}
          <InvoiceList invoices={invoices} locale={locale} />
          {reservation.price.securityDeposit.amount > 0 && (
            <>
              <h2>{tPay("deposit.title")}</h2>
              <DepositSummary deposit={deposit} locale={locale} />
              {deposit?.holds.some((h) => h.status === "held") && (
                <ActionForm
                  action={claimDeposit.bind(null, reservation.id)}
                  submit={tPay("deposit.claimSubmit")}
                  errorTitle={e("title")}
                >
                  <h3>{tPay("deposit.claim")}</h3>
                  <div className="row">
                    <Field name="amount" label={tPay("deposit.claimAmount")} inputMode="decimal" required />
                    <Field name="reason" label={tPay("deposit.claimReason")} maxLength={500} required />
                  </div>
                </ActionForm>
              )}
              {deposit && (
                <ActionForm
                  action={addDamagePhoto.bind(null, reservation.id)}
                  submit={tPay("deposit.photoSubmit")}
                  errorTitle={e("title")}
                >
                  <h3>{tPay("deposit.addPhoto")}</h3>
                  <div className="row">
                    <Field
                      name="file"
                      type="file"
                      label={tPay("deposit.photoFile")}
                      accept="image/jpeg,image/png,image/webp"
                      required
                    />
                    <Field name="caption" label={tPay("deposit.photoCaption")} maxLength={300} />
                  </div>
                </ActionForm>
              )}
            </>
          )}
          <h2>{t("timeline")}</h2>
          <Timeline events={events} locale={locale} />
        </section>
        <aside className="card">
          <QuoteLines quote={reservation.price.quote} locale={locale} />
        </aside>
      </div>
    </>
  );
}
