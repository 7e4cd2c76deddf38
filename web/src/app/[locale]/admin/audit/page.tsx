import type { AuditRecordDto } from "@sejour/sdk";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ListPage } from "@/components/list-page";
import { Link } from "@/i18n/navigation";
import { api } from "@/lib/api";
import { formatInstant, parisInstant } from "@/lib/format";
import { requireRole } from "@/lib/guard";
import { isUuid } from "@/lib/names";
import { listProblem } from "@/lib/problems";
import { AdminNav } from "../nav";

type Query = {
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
  cursor?: string;
};
const TEXT_FILTERS = ["actor", "action", "targetType", "targetId"] as const;

/** Where the back office shows an audited object, by its kind. */
const TARGET_PAGES: Record<string, string> = {
  reservation: "/admin/reservations/",
  user: "/admin/users/",
  owner: "/admin/owners/",
  property: "/owner/properties/",
};

/** The audit log for administrators: who did what to which object, when, from where; newest first. */
export default async function AdminAuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Query>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireRole(["admin"], "/admin/audit");
  const query = await searchParams;
  // What the form shows and the "more" link keeps: the filters as typed.
  const typed: Record<string, string> = {};
  for (const name of [...TEXT_FILTERS, "from", "to"] as const) {
    const value = query[name]?.trim();
    if (value) typed[name] = value;
  }
  const from = parisInstant(typed.from);
  const to = parisInstant(typed.to);
  const client = await api();
  const result = await client.GET("/api/v1/admin/audit", {
    params: {
      query: {
        actor: typed.actor,
        action: typed.action,
        targetType: typed.targetType,
        targetId: typed.targetId,
        from: from ?? undefined,
        to: to ?? undefined,
        cursor: query.cursor,
        limit: 50,
      },
    },
  });
  const records = result.data?.items ?? [];
  const t = await getTranslations("admin");
  const problem = result.error ? await listProblem(result.error, result.response) : undefined;
  const invalid = (name: string) => (problem?.fields.includes(name) ? true : undefined);
  const actors = await actorNames(client, records);

  return (
    <>
      <AdminNav current="auditLog" />
      <ListPage
        title={t("auditLog")}
        search={false}
        intro={<p className="muted">{t("audit.intro")}</p>}
        query={typed}
        pathname="/admin/audit"
        nextCursor={result.data?.nextCursor}
        error={problem?.text}
        filters={
          <>
            {TEXT_FILTERS.map((name) => (
              <div className="field" key={name}>
                <label htmlFor={name}>{t(`audit.${name}`)}</label>
                <input
                  id={name}
                  name={name}
                  defaultValue={typed[name]}
                  aria-invalid={invalid(name)}
                  autoComplete="off"
                />
              </div>
            ))}
            <div className="field">
              <label htmlFor="from">{t("audit.from")}</label>
              <input
                id="from"
                name="from"
                type="datetime-local"
                defaultValue={typed.from}
                aria-invalid={invalid("from")}
              />
            </div>
            <div className="field">
              <label htmlFor="to">{t("audit.to")}</label>
              <input id="to" name="to" type="datetime-local" defaultValue={typed.to} aria-invalid={invalid("to")} />
            </div>
          </>
        }
        columns={[t("audit.when"), t("audit.actor"), t("audit.action"), t("audit.target"), t("audit.details")]}
        rows={records.map((r) => ({
          key: r.id,
          cells: [
            <time key="w" dateTime={r.occurredAt}>
              {formatInstant(r.occurredAt, locale)}
            </time>,
            <Actor key="a" record={r} names={actors} />,
            <code key="c">{r.action}</code>,
            <Target key="t" record={r} />,
            <Details key="d" record={r} />,
          ],
        }))}
      />
    </>
  );
}

const userOf = (actor: string) => {
  const id = actor.startsWith("user:") ? actor.slice(5) : "";
  return isUuid(id) ? id : null;
};

/** The names of the users who acted on this page (a few lookups: a page has few actors). */
async function actorNames(client: Awaited<ReturnType<typeof api>>, records: AuditRecordDto[]) {
  const ids = [...new Set(records.flatMap((r) => userOf(r.actor) ?? []))].slice(0, 20);
  const users = await Promise.all(ids.map((id) => client.GET("/api/v1/users/{id}", { params: { path: { id } } })));
  return new Map(
    ids.flatMap((id, i) => {
      const user = users[i]?.data;
      return user ? [[id, `${user.firstName} ${user.lastName}`] as const] : [];
    }),
  );
}

async function Actor({ record, names }: { record: AuditRecordDto; names: Map<string, string> }) {
  const t = await getTranslations("admin");
  const id = userOf(record.actor);
  return (
    <>
      {id ? <Link href={`/admin/users/${id}`}>{names.get(id) ?? record.actor}</Link> : <code>{record.actor}</code>}
      {record.actorRole && ` (${t(`roles.${record.actorRole}`)})`}
      {record.ip && (
        <>
          <br />
          <small className="muted">{t("audit.ip", { ip: record.ip })}</small>
        </>
      )}
    </>
  );
}

function Target({ record }: { record: AuditRecordDto }) {
  const page = TARGET_PAGES[record.targetType];
  return (
    <>
      {record.targetType}
      {record.targetId && (
        <>
          <br />
          {page ? (
            <Link href={`${page}${record.targetId}`}>
              <code>{record.targetId}</code>
            </Link>
          ) : (
            <code>{record.targetId}</code>
          )}
        </>
      )}
    </>
  );
}

async function Details({ record }: { record: AuditRecordDto }) {
  const t = await getTranslations("admin");
  const parts = [
    ["audit.before", record.before],
    ["audit.after", record.after],
  ] as const;
  const shown = parts.filter(([, value]) => value !== undefined && value !== null);
  if (shown.length === 0) return null;
  return (
    <details>
      <summary>{t("audit.show")}</summary>
      {shown.map(([label, value]) => (
        <div key={label}>
          <strong>{t(label)}</strong>
          <pre className="json">{JSON.stringify(value, null, 2)}</pre>
        </div>
      ))}
    </details>
  );
}
