import type { Installment, PaymentDto } from "@sejour/sdk";
import { describe, expect, it } from "vitest";
import { checkoutHref, nextInstallment } from "@/lib/payments";

const eur = (amount: number) => ({ amount, currency: "EUR" as const });
const schedule: Installment[] = [
  { kind: "deposit", amount: eur(30_000), dueOn: "2027-01-10" },
  { kind: "balance", amount: eur(70_000), dueOn: "2027-06-01" },
];
const payment = (kind: PaymentDto["kind"], status: PaymentDto["status"]) => ({ kind, status }) as PaymentDto;

describe("the next installment", () => {
  it("is the deposit until a payment of it succeeds, payable at once", () => {
    expect(nextInstallment(schedule, [payment("deposit", "failed")], "2027-01-15")).toEqual({
      installment: schedule[0],
      payableNow: true,
    });
  });

  it("is then the balance, payable from its date only", () => {
    const paid = [payment("deposit", "succeeded")];
    expect(nextInstallment(schedule, paid, "2027-05-31")?.payableNow).toBe(false);
    expect(nextInstallment(schedule, paid, "2027-06-01")).toEqual({ installment: schedule[1], payableNow: true });
  });

  it("is nothing once all is paid", () => {
    const paid = [payment("deposit", "succeeded"), payment("balance", "succeeded")];
    expect(nextInstallment(schedule, paid, "2027-06-02")).toBeUndefined();
  });
});

describe("the checkout link", () => {
  it("keeps the built-in page in the person's language and a provider's page as it is", () => {
    expect(checkoutHref("/checkout/bi_x", "en")).toBe("/en/checkout/bi_x");
    expect(checkoutHref("https://checkout.stripe.com/c/pay/cs_x", "fr")).toBe("https://checkout.stripe.com/c/pay/cs_x");
  });
});
