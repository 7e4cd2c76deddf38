// The ledger's balances as the back office reads them: what the agency owes each owner
// (or is owed by one paid directly), the tourist tax due per commune, its own revenue,
// the client funds, and the guests' advances not yet shared out. The API gives debits −
// credits; a credit balance (owed to someone, or earned) is shown positive.
import type { BalanceDto, Money } from "@sejour/sdk";

export interface LedgerSummary {
  /** Owed to each owner (negative: the owner owes the agency), largest first. */
  owners: { ownerId: string; owed: Money }[];
  /** Tourist tax owed to each commune, by commune. */
  communes: { commune: string; due: Money }[];
  /** The agency's commission earned. */
  commission?: Money;
  /** Cleaning and extra-guest fees earned. */
  fees?: Money;
  /** What the payment provider kept, borne by the agency. */
  cardFees?: Money;
  /** On the client (escrow) account. */
  clientFunds?: Money;
  /** Guests' money waiting for their stays to end, per currency, and how many stays. */
  advances: { total: Money[]; stays: number };
}

const credit = (m: Money): Money => ({ ...m, amount: -m.amount });

export function summarize(balances: BalanceDto[]): LedgerSummary {
  const summary: LedgerSummary = { owners: [], communes: [], advances: { total: [], stays: 0 } };
  for (const { account, balance } of balances) {
    switch (account.kind) {
      case "owner":
        if (account.ownerId) summary.owners.push({ ownerId: account.ownerId, owed: credit(balance) });
        break;
      case "tourist_tax":
        if (account.commune) summary.communes.push({ commune: account.commune, due: credit(balance) });
        break;
      case "commission":
        summary.commission = credit(balance);
        break;
      case "fees":
        summary.fees = credit(balance);
        break;
      case "card_fees":
        summary.cardFees = balance;
        break;
      case "client_funds":
        summary.clientFunds = balance;
        break;
      case "guest": {
        summary.advances.stays += 1;
        const same = summary.advances.total.find((m) => m.currency === balance.currency);
        if (same) same.amount -= balance.amount;
        else summary.advances.total.push(credit(balance));
        break;
      }
    }
  }
  summary.owners.sort((a, b) => b.owed.amount - a.owed.amount);
  summary.communes.sort((a, b) => a.commune.localeCompare(b.commune));
  return summary;
}
