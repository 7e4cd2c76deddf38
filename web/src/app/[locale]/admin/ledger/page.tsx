import { type Money, paginate } from "@sejour/sdk";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Table } from "@/components/list-page";
import { Link } from "@/i18n/navigation";
import { api } from "@/lib/api";
import { money } from "@/lib/format";
import { requireRole } from "@/lib/guard";
import { summarize } from "@/lib/ledger";
import { firstItems } from "@/lib/names";
import { listProblem } from "@/lib/problems";
import { AdminNav } from "../nav";

export async function generateMetadata() {
  return { title: (await getTranslations("payments"))("ledger.title") };
}

/** The ledger: what the agency owes its owners, the tourist tax due per commune, its revenue, the client funds. */
export default async function LedgerPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireRole(["admin", "manager"], "/admin/ledger");
  const client = await api();
  const [result, owners] = await Promise.all([
    client.GET("/api/v1/ledger"),
    firstItems(paginate((cursor) => client.GET("/api/v1/owners", { params: { query: { cursor, limit: 100 } } }))),
  ]);
  const t = await getTranslations("payments");
  const problem = result.error ? (await listProblem(result.error, result.response)).text : undefined;
  const ledger = summarize(result.data ?? []);
  const names = new Map(owners.map((o) => [o.id, o.displayName]));
  const amount = (m?: Money) => money(m ?? { amount: 0, currency: "EUR" }, locale);
  return (
    <>
      <h1>{t("ledger.title")}</h1>
      <AdminNav current="ledger" />
      <p className="muted">{t("ledger.intro")}</p>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <section className="card stack" aria-labelledby="agency">
        <h2 id="agency">{t("ledger.agency")}</h2>
        <dl className="facts">
          <dt>{t("ledger.commission")}</dt>
          <dd>{amount(ledger.commission)}</dd>
          <dt>{t("ledger.fees")}</dt>
          <dd>{amount(ledger.fees)}</dd>
          <dt>{t("ledger.cardFees")}</dt>
          <dd>{amount(ledger.cardFees)}</dd>
          <dt>{t("ledger.clientFunds")}</dt>
          <dd>{amount(ledger.clientFunds)}</dd>
          <dt>{t("ledger.advances", { count: ledger.advances.stays })}</dt>
          <dd>
            {ledger.advances.total.length ? ledger.advances.total.map((m) => amount(m)).join(" · ") : amount(undefined)}
          </dd>
        </dl>
      </section>
      <h2>{t("ledger.owners")}</h2>
      {ledger.owners.length === 0 ? (
        <p>{t("ledger.none")}</p>
      ) : (
        <Table
          label={t("ledger.owners")}
          columns={[t("ledger.owner"), t("ledger.owed")]}
          rows={ledger.owners.map((o) => ({
            key: o.ownerId,
            cells: [
              <Link key="owner" href={`/admin/owners/${o.ownerId}`}>
                {names.get(o.ownerId) ?? o.ownerId}
              </Link>,
              o.owed.amount < 0
                ? t("ledger.owes", { amount: amount({ ...o.owed, amount: -o.owed.amount }) })
                : amount(o.owed),
            ],
          }))}
        />
      )}
      <h2>{t("ledger.touristTax")}</h2>
      {ledger.communes.length === 0 ? (
        <p>{t("ledger.none")}</p>
      ) : (
        <Table
          label={t("ledger.touristTax")}
          columns={[t("ledger.commune"), t("ledger.due")]}
          rows={ledger.communes.map((c) => ({ key: c.commune, cells: [c.commune, amount(c.due)] }))}
        />
      )}
    </>
  );
}
