import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ActionForm, Field } from "@/components/form";
import { QuoteLines } from "@/components/quote";
import { StatusBadge } from "@/components/status";
import { Timeline } from "@/components/timeline";
import { api } from "@/lib/api";
import { formatDay, money } from "@/lib/format";
import { requireRole } from "@/lib/guard";
import { AdminNav } from "../../nav";
import { cancelReservation, confirmReservation } from "./actions";

export default async function AdminReservationPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  await requireRole(["admin", "manager"], `/admin/reservations/${id}`);
  const client = await api();
  const [{ data: reservation }, { data: events }] = await Promise.all([
    client.GET("/api/v1/reservations/{id}", { params: { path: { id } } }),
    client.GET("/api/v1/reservations/{id}/events", { params: { path: { id } } }),
  ]);
  if (!reservation || !("price" in reservation)) notFound();
  const { data: property } = await client.GET("/api/v1/properties/{id}", {
    params: { path: { id: reservation.propertyId } },
  });
  const [t, tAccount, e] = await Promise.all([
    getTranslations("admin"),
    getTranslations("account"),
    getTranslations("errors"),
  ]);
  const open = reservation.status === "pending" || reservation.status === "confirmed";
  const { guest } = reservation;

  return (
    <>
      <AdminNav />
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
          {reservation.notes && <blockquote>{reservation.notes}</blockquote>}
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
          <h2>{t("timeline")}</h2>
          <Timeline events={events?.items ?? []} locale={locale} />
        </section>
        <aside className="card">
          <QuoteLines quote={reservation.price.quote} locale={locale} />
        </aside>
      </div>
    </>
  );
}
