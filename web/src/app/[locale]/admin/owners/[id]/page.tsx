import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { StatusBadge } from "@/components/status";
import { Link } from "@/i18n/navigation";
import { api } from "@/lib/api";
import { formatDay, formatInstant, maskIban, percent } from "@/lib/format";
import { requireRole } from "@/lib/guard";
import { AdminNav } from "../../nav";

/** One owner for staff: identity, contact, address, mandate, the IBAN masked, the linked account, the rentals. */
export default async function AdminOwnerPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const me = await requireRole(["admin", "manager"], `/admin/owners/${id}`);
  const client = await api();
  const { data: owner } = await client.GET("/api/v1/owners/{id}", { params: { path: { id } } });
  if (!owner) notFound();
  const [{ data: user }, { data: properties }] = await Promise.all([
    owner.userId
      ? client.GET("/api/v1/users/{id}", { params: { path: { id: owner.userId } } })
      : Promise.resolve({ data: undefined }),
    client.GET("/api/v1/properties/managed", { params: { query: { ownerId: owner.id, limit: 100 } } }),
  ]);
  const t = await getTranslations("admin");
  // Even administrators, who get the IBAN in full, see only its last four characters here.
  const iban = owner.iban ? maskIban(owner.iban) : null;
  const { address, mandate } = owner;

  return (
    <>
      <AdminNav current="owners" />
      <div className="two">
        <section className="card stack">
          <h1>{owner.displayName}</h1>
          <dl className="facts">
            <dt>{t("kind")}</dt>
            <dd>{t(`owner.kinds.${owner.kind}`)}</dd>
            {owner.legalName && (
              <>
                <dt>{t("owner.legalName")}</dt>
                <dd>{owner.legalName}</dd>
              </>
            )}
            {owner.siret && (
              <>
                <dt>{t("owner.siret")}</dt>
                <dd>{owner.siret}</dd>
              </>
            )}
            {owner.vatNumber && (
              <>
                <dt>{t("owner.vat")}</dt>
                <dd>{owner.vatNumber}</dd>
              </>
            )}
            <dt>{t("email")}</dt>
            <dd>
              <a href={`mailto:${owner.email}`}>{owner.email}</a>
            </dd>
            <dt>{t("owner.phone")}</dt>
            <dd>{owner.phone ? <a href={`tel:${owner.phone}`}>{owner.phone}</a> : t("owner.none")}</dd>
            <dt>{t("owner.address")}</dt>
            <dd>
              <address style={{ fontStyle: "normal" }}>
                {address.line1}
                {address.line2 && (
                  <>
                    <br />
                    {address.line2}
                  </>
                )}
                <br />
                {address.postalCode} {address.city}
                {address.region ? `, ${address.region}` : ""}
                <br />
                {address.country}
              </address>
            </dd>
            <dt>{t("owner.iban")}</dt>
            <dd data-testid="iban">
              {iban ? (
                <>
                  <span aria-hidden="true">{iban}</span>
                  <span className="sr-only">
                    {t("owner.ibanEnding", { start: iban.slice(0, 4), end: iban.slice(-4) })}
                  </span>
                </>
              ) : (
                t("owner.none")
              )}
            </dd>
            <dt>{t("owner.user")}</dt>
            <dd>
              {user ? (
                me.role === "admin" ? (
                  <Link href={`/admin/users/${user.id}`}>
                    {user.firstName} {user.lastName} ({user.email})
                  </Link>
                ) : (
                  `${user.firstName} ${user.lastName} (${user.email})`
                )
              ) : (
                t("owner.noUser")
              )}
            </dd>
            <dt>{t("owner.since")}</dt>
            <dd>{formatInstant(owner.createdAt, locale)}</dd>
          </dl>
          <h2>{t("owner.properties")}</h2>
          {(properties?.items ?? []).length === 0 ? (
            <p>{t("none")}</p>
          ) : (
            <ul>
              {(properties?.items ?? []).map((p) => (
                <li key={p.id}>
                  <Link href={`/owner/properties/${p.id}`}>{p.name}</Link> · {p.city} ·{" "}
                  <StatusBadge status={p.status} />
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link href={{ pathname: "/admin", query: { ownerId: owner.id } }}>{t("owner.reservations")}</Link>
          </p>
        </section>
        <aside className="card stack" aria-labelledby="mandate-heading">
          <h2 id="mandate-heading" style={{ marginTop: 0 }}>
            {t("owner.mandate")}
          </h2>
          <dl className="facts">
            <dt>{t("owner.commission")}</dt>
            <dd data-testid="commission">{percent(mandate.commissionBasisPoints, locale)}</dd>
            <dt>{t("owner.moneyModel")}</dt>
            <dd>{t(`owner.moneyModels.${mandate.moneyModel}`)}</dd>
            <dt>{t("owner.startDate")}</dt>
            <dd>{formatDay(mandate.startDate, locale)}</dd>
          </dl>
        </aside>
      </div>
    </>
  );
}
