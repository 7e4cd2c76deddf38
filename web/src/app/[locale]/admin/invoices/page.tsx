import { getTranslations, setRequestLocale } from "next-intl/server";
import { ListPage } from "@/components/list-page";
import { Link } from "@/i18n/navigation";
import { api } from "@/lib/api";
import { formatInstant, isDay, money } from "@/lib/format";
import { requireRole } from "@/lib/guard";
import { listProblem } from "@/lib/problems";
import { AdminNav } from "../nav";

type Query = { from?: string; to?: string; kind?: string; cursor?: string };
const KINDS = ["invoice", "commission", "credit_note"] as const;

/** The invoice register: guests' invoices, owners' commission invoices and credit notes, newest
 * first, by issue date and kind. */
export default async function InvoiceRegisterPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Query>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireRole(["admin", "manager"], "/admin/invoices");
  const query = await searchParams;
  const typed: Record<string, string> = {};
  if (isDay(query.from)) typed.from = query.from;
  if (isDay(query.to)) typed.to = query.to;
  const kind = KINDS.find((k) => k === query.kind);
  if (kind) typed.kind = kind;
  const result = await (await api()).GET("/api/v1/invoices", {
    params: { query: { from: typed.from, to: typed.to, kind, cursor: query.cursor, limit: 50 } },
  });
  const [t, tPay] = await Promise.all([getTranslations("admin"), getTranslations("payments")]);
  const problem = result.error ? await listProblem(result.error, result.response) : undefined;
  const invoices = result.data?.items ?? [];
  return (
    <>
      <AdminNav current="invoices" />
      <ListPage
        title={t("invoices")}
        search={false}
        query={typed}
        pathname="/admin/invoices"
        error={problem?.text}
        nextCursor={result.data?.nextCursor}
        filters={
          <>
            <div className="field">
              <label htmlFor="from">{t("invoicesFrom")}</label>
              <input id="from" name="from" type="date" defaultValue={typed.from} />
            </div>
            <div className="field">
              <label htmlFor="to">{t("invoicesTo")}</label>
              <input id="to" name="to" type="date" defaultValue={typed.to} />
            </div>
            <div className="field">
              <label htmlFor="kind">{t("invoicesKind")}</label>
              <select id="kind" name="kind" defaultValue={kind ?? ""}>
                <option value="">{t("invoicesAll")}</option>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {tPay(`invoiceKind.${k}`)}
                  </option>
                ))}
              </select>
            </div>
          </>
        }
        columns={[t("invoicesReference"), t("invoicesIssued"), t("invoicesBuyer"), t("invoicesAmount")]}
        rows={invoices.map((i) => ({
          key: i.id,
          cells: [
            <Link key="ref" href={`/account/invoices/${i.id}`}>
              {tPay(`invoiceKind.${i.kind}`)} {i.reference}
            </Link>,
            formatInstant(i.issuedAt, locale),
            <Link
              key="buyer"
              href={i.ownerId ? `/admin/owners/${i.ownerId}` : `/admin/reservations/${i.reservationId}`}
            >
              {i.buyer.name}
            </Link>,
            i.kind === "credit_note" ? `− ${money(i.amount, locale)}` : money(i.amount, locale),
          ],
        }))}
      />
    </>
  );
}
