// A booking's payments, oldest first: what each paid, how much, where it stands.
import type { PaymentDto } from "@sejour/sdk";
import { getTranslations } from "next-intl/server";
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
