// A booking's payments, oldest first: what each paid, how much, where it stands; the
// invoices and credit notes issued for them; and its security deposit.
import type { DepositDto, InvoiceDto, PaymentDto } from "@sejour/sdk";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { formatInstant, money } from "@/lib/format";

export async function PaymentList({ payments, locale }: { payments: PaymentDto[]; locale: string }) {
  const [t, tQuote] = await Promise.all([getTranslations("payments"), getTranslations("quote")]);
  if (payments.length === 0) return <p className="muted">{t("none")}</p>;
  return (
    <ul className="stack" data-testid="payments">
      {payments.map((p) => (
        <li key={p.id}>
          {tQuote(`installment.${p.kind}`)} — {money(p.amount, locale)} —{" "}
          <span className={`badge payment-${p.status}`}>{t(`status.${p.status}`)}</span>{" "}
          <small className="muted">
            {formatInstant(p.updatedAt, locale)}
            {p.failure && ` · ${t.has(`failure.${p.failure}`) ? t(`failure.${p.failure}`) : p.failure}`}
            {p.refunded.amount > 0 && ` · ${t("refunded", { amount: money(p.refunded, locale) })}`}
          </small>
        </li>
      ))}
    </ul>
  );
}

/** A booking's invoices and credit notes, each linked to its printable page. */
export async function InvoiceList({ invoices, locale }: { invoices: InvoiceDto[]; locale: string }) {
  const t = await getTranslations("payments");
  if (invoices.length === 0) return null;
  return (
    <ul className="stack" data-testid="invoices">
      {invoices.map((i) => (
        <li key={i.id}>
          <Link href={`/account/invoices/${i.id}`}>
            {t(`invoiceKind.${i.kind}`)} {i.reference}
          </Link>{" "}
          — {money(i.amount, locale)} <small className="muted">{formatInstant(i.issuedAt, locale)}</small>
        </li>
      ))}
    </ul>
  );
}

/** The security deposit: the card kept for the booking and its holds (latest last). */
export async function DepositSummary({ deposit, locale }: { deposit?: DepositDto; locale: string }) {
  const t = await getTranslations("payments");
  if (!deposit) return null;
  return (
    <div className="stack" data-testid="deposit">
      <p>{deposit.card ? t("deposit.card", { last4: deposit.card.last4 }) : t("deposit.noCard")}</p>
      {deposit.holds.length > 0 && (
        <ul className="stack">
          {deposit.holds.map((h) => (
            <li key={h.id}>
              {t(`deposit.status.${h.status}`, {
                amount: money(h.amount, locale),
                until: formatInstant(h.expiresAt, locale),
                captured: h.captured ? money(h.captured, locale) : "",
                reason: h.reason ?? "",
              })}{" "}
              <small className="muted">{formatInstant(h.updatedAt, locale)}</small>
            </li>
          ))}
        </ul>
      )}
      {deposit.photos.length > 0 && (
        <figure className="stack">
          <figcaption>{t("deposit.photos")}</figcaption>
          <ul className="row" style={{ listStyle: "none", padding: 0, flexWrap: "wrap" }} data-testid="damage-photos">
            {deposit.photos.map((p) => (
              <li key={p.id}>
                <a href={p.url}>
                  <img
                    src={p.url}
                    alt={p.caption || t("deposit.photo")}
                    width={160}
                    height={Math.round((160 * p.height) / p.width)}
                  />
                </a>
                {p.caption && <small className="muted">{p.caption}</small>}
              </li>
            ))}
          </ul>
        </figure>
      )}
    </div>
  );
}
