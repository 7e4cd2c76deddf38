// What a booking asks to be paid next: the first installment of its frozen schedule without a
// paid payment, and whether it may be paid today (every installment but the first waits for
// its date, as the API's `payment.too_early` says).
import type { Installment, PaymentDto as Payment } from "@sejour/sdk";

export interface NextInstallment {
  installment: Installment;
  /** False while it may not be asked for yet (before its date). */
  payableNow: boolean;
}

export function nextInstallment(
  installments: Installment[],
  payments: Payment[],
  today: string,
): NextInstallment | undefined {
  const paid = new Set(payments.filter((p) => p.status === "succeeded").map((p) => p.kind));
  const position = installments.findIndex((i) => !paid.has(i.kind));
  const installment = installments[position];
  if (!installment) return undefined;
  return { installment, payableNow: position === 0 || installment.dueOn <= today };
}

/** Where to send the guest for a payment's `checkoutUrl`: the web app's own page, in their language, or the provider's. */
export function checkoutHref(url: string, locale: string): string {
  return url.startsWith("/") ? `/${locale}${url}` : url;
}
