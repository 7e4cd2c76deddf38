import type { BalanceDto } from "@sejour/sdk";
import { describe, expect, it } from "vitest";
import { summarize } from "@/lib/ledger";

const eur = (amount: number) => ({ amount, currency: "EUR" as const });
const account = (kind: BalanceDto["account"]["kind"], extra: Partial<BalanceDto["account"]> = {}) => ({
  name: kind,
  kind,
  ownerId: null,
  reservationId: null,
  commune: null,
  ...extra,
});

describe("the ledger summary", () => {
  const balances: BalanceDto[] = [
    { account: account("client_funds"), balance: eur(120_000) },
    { account: account("commission"), balance: eur(-9_000) },
    { account: account("fees"), balance: eur(-8_000) },
    { account: account("card_fees"), balance: eur(310) },
    { account: account("owner", { ownerId: "a" }), balance: eur(-36_000) },
    { account: account("owner", { ownerId: "b" }), balance: eur(4_000) },
    { account: account("tourist_tax", { commune: "75056 Paris" }), balance: eur(-500) },
    { account: account("tourist_tax", { commune: "06088 Nice" }), balance: eur(-1_540) },
    { account: account("guest", { reservationId: "r1" }), balance: eur(-30_000) },
    { account: account("guest", { reservationId: "r2" }), balance: eur(-40_000) },
  ];

  it("shows what is owed and earned as positive amounts", () => {
    const s = summarize(balances);
    expect(s.commission).toEqual(eur(9_000));
    expect(s.fees).toEqual(eur(8_000));
    expect(s.cardFees).toEqual(eur(310));
    expect(s.clientFunds).toEqual(eur(120_000));
    expect(s.owners).toEqual([
      { ownerId: "a", owed: eur(36_000) },
      { ownerId: "b", owed: eur(-4_000) },
    ]);
  });

  it("lists the tourist tax by commune and adds up the guests' advances", () => {
    const s = summarize(balances);
    expect(s.communes.map((c) => c.commune)).toEqual(["06088 Nice", "75056 Paris"]);
    expect(s.communes[0]?.due).toEqual(eur(1_540));
    expect(s.advances).toEqual({ total: [eur(70_000)], stays: 2 });
  });

  it("is empty for an empty ledger", () => {
    expect(summarize([])).toEqual({ owners: [], communes: [], advances: { total: [], stays: 0 } });
  });
});
