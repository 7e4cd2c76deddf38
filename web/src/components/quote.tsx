// The price of a stay, line by line, and when it is paid (the quote as the API computed it).
import type { QuoteDto } from "@sejour/sdk";
import { getTranslations } from "next-intl/server";
import { formatDay, money } from "@/lib/format";

export async function QuoteLines({ quote, locale }: { quote: QuoteDto; locale: string }) {
  const t = await getTranslations("quote");
  const m = (amount: QuoteDto["total"]) => money(amount, locale);
  return (
    <div className="stack">
      <table className="lines">
        <tbody>
          {quote.nightlyLines.map((line) => (
            <tr key={line.firstNight}>
              <td>
                {t("rent")} — {t("nightly", { nights: line.nights, nightly: m(line.nightly) })}
              </td>
              <td>{m(line.amount)}</td>
            </tr>
          ))}
          {quote.discount && (
            <tr>
              <td>{t("discount")}</td>
              <td>−{m(quote.discount.amount)}</td>
            </tr>
          )}
          {quote.cleaningFee.amount > 0 && (
            <tr>
              <td>{t("cleaning")}</td>
              <td>{m(quote.cleaningFee)}</td>
            </tr>
          )}
          {quote.extraGuestFee && (
            <tr>
              <td>{t("extraGuests")}</td>
              <td>{m(quote.extraGuestFee.amount)}</td>
            </tr>
          )}
          {quote.touristTax.lines.map((line) => (
            <tr key={`tax-${line.firstNight}`}>
              <td>
                {t("touristTax")} —{" "}
                {t("taxLine", { adults: line.adults, nights: line.nights, perAdultNight: m(line.perAdultNight) })}
              </td>
              <td>{m(line.amount)}</td>
            </tr>
          ))}
          {quote.touristTax.lines.length === 0 && (
            <tr>
              <td>{t("touristTax")}</td>
              <td>{m(quote.touristTax.total)}</td>
            </tr>
          )}
        </tbody>
        <tfoot>
          <tr>
            <td>{t("total")}</td>
            <td data-testid="quote-total">{m(quote.total)}</td>
          </tr>
        </tfoot>
      </table>
      <p className="muted">{t("deposit", { amount: m(quote.securityDeposit) })}</p>
      <h3>{t("schedule")}</h3>
      <ul>
        {quote.schedule.installments.map((i) => (
          <li key={`${i.kind}-${i.dueOn}`}>
            {t(`installment.${i.kind}`)} : {m(i.amount)} {t("dueOn", { date: formatDay(i.dueOn, locale) })}
          </li>
        ))}
      </ul>
      <p className="muted">{t(`policy.${quote.cancellationPolicy}`)}</p>
    </div>
  );
}
