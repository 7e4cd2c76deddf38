import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ActionForm, Field } from "@/components/form";
import { QuoteLines } from "@/components/quote";
import { StatusBadge } from "@/components/status";
import { Timeline } from "@/components/timeline";
import { api } from "@/lib/api";
import { formatDay, money } from "@/lib/format";
import { requireRole } from "@/lib/guard";
import { cancelMyReservation } from "../../actions";

export default async function MyReservationPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<{ booked?: string }>;
}) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  await requireRole(["guest", "admin", "manager", "owner"], `/account/reservations/${id}`);
  const client = await api();
  const [{ data: reservation }, { data: events }] = await Promise.all([
    client.GET("/api/v1/reservations/{id}", { params: { path: { id } } }),
    client.GET("/api/v1/reservations/{id}/events", { params: { path: { id } } }),
  ]);
  if (!reservation || !("price" in reservation)) notFound();
  const { data: property } = await client.GET("/api/v1/properties/{id}", {
    params: { path: { id: reservation.propertyId } },
  });
  const [t, tBook, tQuote, e] = await Promise.all([
    getTranslations("account"),
    getTranslations("book"),
    getTranslations("quote"),
    getTranslations("errors"),
  ]);
  const open = reservation.status === "pending" || reservation.status === "confirmed";
  const preview = open
    ? (await client.GET("/api/v1/reservations/{id}/cancellation", { params: { path: { id } } })).data
    : undefined;
  const { booked } = await searchParams;
  return (
    <div className="two">
      <section className="card stack">
        {booked && (
          <p role="status" className="alert alert-success">
            {tBook("done")}
          </p>
        )}
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
        <h2>{t("timeline")}</h2>
        <Timeline events={events?.items ?? []} locale={locale} />
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
