import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { api } from "@/lib/api";
import { addDays, isDay, money, today } from "@/lib/format";
import { describeProblem } from "@/lib/problems";

type Query = { city?: string; checkIn?: string; checkOut?: string; guests?: string; sort?: string; cursor?: string };
const SORTS = ["newest", "price", "-price"] as const;

export default async function SearchPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Query>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const t = await getTranslations("search");
  const start = today();
  const checkIn = isDay(query.checkIn) ? query.checkIn : undefined;
  const checkOut = isDay(query.checkOut) ? query.checkOut : undefined;
  const guests = Math.min(Math.max(Number.parseInt(query.guests ?? "2", 10) || 2, 1), 50);
  const sort = SORTS.find((s) => s === query.sort) ?? "newest";
  const city = query.city?.trim() || undefined;

  const result =
    checkIn && checkOut
      ? await (await api()).GET("/api/v1/properties", {
          params: { query: { city, checkIn, checkOut, guests, sort, cursor: query.cursor, limit: 24 } },
        })
      : undefined;
  const page = result?.data;
  const problem = result?.error ? await describeProblem(result.error, result.response) : undefined;
  const stay = { checkIn, checkOut, adults: String(guests) };

  return (
    <>
      <h1>{t("title")}</h1>
      <search>
        <form className="card row" method="get">
          <div className="field">
            <label htmlFor="city">{t("city")}</label>
            <input id="city" name="city" defaultValue={city} placeholder={t("cityPlaceholder")} />
          </div>
          <div className="field">
            <label htmlFor="checkIn">{t("checkIn")}</label>
            <input id="checkIn" name="checkIn" type="date" min={start} defaultValue={checkIn} required />
          </div>
          <div className="field">
            <label htmlFor="checkOut">{t("checkOut")}</label>
            <input id="checkOut" name="checkOut" type="date" min={addDays(start, 1)} defaultValue={checkOut} required />
          </div>
          <div className="field">
            <label htmlFor="guests">{t("guests")}</label>
            <input id="guests" name="guests" type="number" min={1} max={50} defaultValue={guests} />
          </div>
          <div className="field">
            <label htmlFor="sort">{t("sort")}</label>
            <select id="sort" name="sort" defaultValue={sort}>
              <option value="newest">{t("sortNewest")}</option>
              <option value="price">{t("sortPrice")}</option>
              <option value="-price">{t("sortPriceDesc")}</option>
            </select>
          </div>
          <button type="submit" className="button primary">
            {t("submit")}
          </button>
        </form>
      </search>

      {!page && !problem && <p className="muted">{t("prompt")}</p>}
      {problem && (
        <p role="alert" className="alert alert-error">
          {problem}
        </p>
      )}
      {page && (
        <section aria-live="polite">
          <h2>{t("results", { count: page.items.length })}</h2>
          <div className="grid">
            {page.items.map((p) => (
              <Link key={p.id} className="card result" href={{ pathname: `/properties/${p.id}`, query: stay }}>
                {p.photoUrl ? <img src={p.photoUrl} alt="" loading="lazy" /> : <div className="photo" />}
                <div className="result-body">
                  <h3>{p.name}</h3>
                  <span className="muted">
                    {p.city} · {t("bedrooms", { count: p.bedrooms })} · {t("guestsMax", { count: p.maxGuests })}
                  </span>
                  <span className="price">{t("total", { amount: money(p.total, locale) })}</span>
                  <span className="muted">{t("nights", { count: p.nights })}</span>
                </div>
              </Link>
            ))}
          </div>
          {page.nextCursor && (
            <p>
              <Link className="button" href={{ pathname: "/", query: { ...query, cursor: page.nextCursor } }}>
                {t("more")}
              </Link>
            </p>
          )}
        </section>
      )}
    </>
  );
}
