import { getTranslations, setRequestLocale } from "next-intl/server";
import { StatusBadge } from "@/components/status";
import { Link } from "@/i18n/navigation";
import { api } from "@/lib/api";
import { formatDay, money, today } from "@/lib/format";
import { requireRole } from "@/lib/guard";
import { summarize } from "@/lib/ledger";

export async function generateMetadata() {
  return { title: (await getTranslations("owner"))("title") };
}

export default async function OwnerPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireRole(["owner"], "/owner");
  const client = await api();
  const [{ data: properties }, { data: reservations }, { data: balances }, { data: invoices }] = await Promise.all([
    client.GET("/api/v1/properties/managed", { params: { query: { limit: 100 } } }),
    client.GET("/api/v1/reservations", { params: { query: { from: today(), limit: 50 } } }),
    client.GET("/api/v1/ledger"),
    client.GET("/api/v1/invoices", { params: { query: { limit: 20 } } }),
  ]);
  const [t, tPay] = await Promise.all([getTranslations("owner"), getTranslations("payments")]);
  const balance = summarize(balances ?? []).owners[0]?.owed;
  const names = new Map((properties?.items ?? []).map((p) => [p.id, p.name]));
  return (
    <>
      <h1>{t("title")}</h1>
      <section className="card" aria-labelledby="balance">
        <h2 id="balance">{tPay("ledger.yourBalance")}</h2>
        <p>
          {!balance
            ? tPay("ledger.none")
            : balance.amount >= 0
              ? tPay("ledger.owedToYou", { amount: money(balance, locale) })
              : tPay("ledger.youOwe", { amount: money({ ...balance, amount: -balance.amount }, locale) })}
        </p>
      </section>
      <section className="card stack" aria-labelledby="invoices">
        <h2 id="invoices">{t("invoices")}</h2>
        {(invoices?.items ?? []).length === 0 ? (
          <p>{t("noInvoices")}</p>
        ) : (
          <ul className="stack" style={{ listStyle: "none", padding: 0 }}>
            {(invoices?.items ?? []).map((i) => (
              <li key={i.id}>
                <Link href={`/account/invoices/${i.id}`}>
                  {tPay(`invoiceKind.${i.kind}`)} {i.reference}
                </Link>{" "}
                · {formatDay(i.issuedAt.slice(0, 10), locale)} ·{" "}
                {i.kind === "credit_note" ? `− ${money(i.amount, locale)}` : money(i.amount, locale)}
                {i.dueOn && <> · {tPay("invoice.due", { date: formatDay(i.dueOn, locale) })}</>} ·{" "}
                <a href={`/api/v1/invoices/${i.id}/pdf`}>{tPay("invoice.pdf")}</a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <h2>{t("properties")}</h2>
      {(properties?.items ?? []).length === 0 && <p>{t("empty")}</p>}
      <div className="grid">
        {(properties?.items ?? []).map((p) => (
          <Link
            key={p.id}
            href={`/owner/properties/${p.id}`}
            className="card stack"
            style={{ textDecoration: "none", color: "inherit" }}
          >
            <strong>{p.name}</strong>
            <span className="muted">{p.city}</span>
            <span>
              <StatusBadge status={p.status} />
            </span>
          </Link>
        ))}
      </div>
      <h2>{t("reservations")}</h2>
      {(reservations?.items ?? []).length === 0 && <p>{t("noReservations")}</p>}
      <ul className="stack" style={{ listStyle: "none", padding: 0 }}>
        {(reservations?.items ?? []).map((r) => (
          <li key={r.id} className="card">
            <strong>{names.get(r.propertyId)}</strong> · {formatDay(r.checkIn, locale)} →{" "}
            {formatDay(r.checkOut, locale)} · <StatusBadge status={r.status} />{" "}
            {"guestFirstName" in r
              ? t("guest", { name: r.guestFirstName, count: r.guests })
              : t("guest", { name: r.guest.firstName, count: r.adults + r.children.length })}
          </li>
        ))}
      </ul>
    </>
  );
}
