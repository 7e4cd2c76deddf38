import { type Amenity, minorDigits } from "@sejour/sdk";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { NearMe } from "@/components/near-me";
import { ResultsMap } from "@/components/results-map";
import { Link } from "@/i18n/navigation";
import { api } from "@/lib/api";
import { MAP_ATTRIBUTION, MAP_TILES_URL } from "@/lib/config";
import { addDays, isDay, money, today } from "@/lib/format";
import { listProblem } from "@/lib/problems";

type Query = {
  city?: string;
  near?: string;
  radius?: string;
  checkIn?: string;
  checkOut?: string;
  guests?: string;
  amenities?: string | string[];
  priceMax?: string;
  sort?: string;
  cursor?: string;
};
const SORTS = ["newest", "price", "-price", "distance"] as const;
const AMENITIES: Amenity[] = [
  "wifi",
  "parking",
  "pool",
  "air_conditioning",
  "kitchen",
  "washing_machine",
  "garden",
  "terrace",
  "sea_view",
  "mountain_view",
  "pets_allowed",
  "wheelchair_accessible",
  "baby_cot",
  "ev_charger",
  "beach_access",
  "ski_access",
];
const RADII = [5, 10, 20, 50, 100];
/** The catalogue's currency (the price filter is typed in its major unit). */
const CURRENCY = "EUR";

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
  const [t, tAmenity] = await Promise.all([getTranslations("search"), getTranslations("amenities")]);
  const start = today();
  const checkIn = isDay(query.checkIn) ? query.checkIn : undefined;
  const checkOut = isDay(query.checkOut) ? query.checkOut : undefined;
  const guests = Math.min(Math.max(Number.parseInt(query.guests ?? "2", 10) || 2, 1), 50);
  const near = query.near?.trim() || undefined;
  const radius = RADII.find((r) => String(r) === query.radius) ?? 20;
  const sort = SORTS.find((s) => s === query.sort && (s !== "distance" || near)) ?? "newest";
  const city = query.city?.trim() || undefined;
  const chosen = [query.amenities ?? []].flat();
  const amenities = AMENITIES.filter((a) => chosen.includes(a));
  const priceMaxMajor = Number.parseInt(query.priceMax ?? "", 10);
  const priceMax =
    Number.isSafeInteger(priceMaxMajor) && priceMaxMajor > 0 ? priceMaxMajor * 10 ** minorDigits(CURRENCY) : undefined;

  // Without dates the catalogue is browsed: every published property with its "from" price.
  const browsing = !checkIn && !checkOut;
  const result = await (await api()).GET("/api/v1/properties", {
    params: {
      query: {
        city,
        near,
        radius: near ? radius : undefined,
        checkIn,
        checkOut,
        guests,
        amenities: amenities.length ? amenities : undefined,
        priceMax,
        sort,
        cursor: query.cursor,
        limit: 24,
      },
    },
  });
  const page = result.data;
  const problem = result.error ? (await listProblem(result.error, result.response)).text : undefined;
  const stay: Record<string, string> = browsing
    ? { adults: String(guests) }
    : { checkIn: checkIn ?? "", checkOut: checkOut ?? "", adults: String(guests) };
  const href = (id: string) => ({ pathname: `/properties/${id}`, query: stay });
  const price = (p: NonNullable<typeof page>["items"][number]) =>
    p.total ? money(p.total, locale) : t("from", { amount: money(p.nightlyFrom, locale) });

  return (
    <>
      <h1>{t("title")}</h1>
      <search>
        <form className="card stack" method="get">
          <div className="row">
            <div className="field">
              <label htmlFor="city">{t("city")}</label>
              <input id="city" name="city" defaultValue={city} placeholder={t("cityPlaceholder")} />
            </div>
            <div className="field">
              <label htmlFor="checkIn">{t("checkIn")}</label>
              <input id="checkIn" name="checkIn" type="date" min={start} defaultValue={checkIn} />
            </div>
            <div className="field">
              <label htmlFor="checkOut">{t("checkOut")}</label>
              <input id="checkOut" name="checkOut" type="date" min={addDays(start, 1)} defaultValue={checkOut} />
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
                <option value="distance">{t("sortDistance")}</option>
              </select>
            </div>
            <button type="submit" className="button primary">
              {t("submit")}
            </button>
          </div>
          <details open={amenities.length > 0 || priceMax !== undefined || near !== undefined}>
            <summary>{t("moreFilters")}</summary>
            <div className="stack" style={{ marginTop: "0.75rem" }}>
              <div className="row">
                <NearMe defaultValue={near} label={t("nearMe")} denied={t("nearMeDenied")} />
                <div className="field">
                  <label htmlFor="radius">{t("radius")}</label>
                  <select id="radius" name="radius" defaultValue={String(radius)}>
                    {RADII.map((r) => (
                      <option key={r} value={r}>
                        {t("km", { count: r })}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="priceMax">{t("priceMax")}</label>
                  <input
                    id="priceMax"
                    name="priceMax"
                    type="number"
                    min={1}
                    step={1}
                    inputMode="numeric"
                    aria-describedby="priceMax-hint"
                    defaultValue={Number.isSafeInteger(priceMaxMajor) ? priceMaxMajor : undefined}
                  />
                  <small id="priceMax-hint" className="muted">
                    {t("priceMaxHint")}
                  </small>
                </div>
              </div>
              <fieldset className="chips" style={{ border: 0, padding: 0 }}>
                <legend className="sr-only">{t("amenities")}</legend>
                {AMENITIES.map((a) => (
                  <label key={a} className="chip">
                    <input type="checkbox" name="amenities" value={a} defaultChecked={amenities.includes(a)} />{" "}
                    {tAmenity(a)}
                  </label>
                ))}
              </fieldset>
            </div>
          </details>
        </form>
      </search>

      {problem && (
        <p role="alert" className="alert alert-error">
          {problem}
        </p>
      )}
      {page && (
        <section aria-live="polite">
          <h2>{t(browsing ? "catalogue" : "results", { count: page.items.length })}</h2>
          {browsing && <p className="muted">{t("prompt")}</p>}
          {page.items.length > 0 && (
            <ResultsMap
              label={t("map")}
              tiles={MAP_TILES_URL}
              attribution={MAP_ATTRIBUTION}
              points={page.items.map((p) => ({
                id: p.id,
                name: p.name,
                lat: p.lat,
                lng: p.lng,
                price: price(p),
                href: `/${locale}/properties/${p.id}?${new URLSearchParams(stay)}`,
              }))}
            />
          )}
          <div className="grid">
            {page.items.map((p) => (
              <Link key={p.id} className="card result" href={href(p.id)}>
                {p.photoUrl ? <img src={p.photoUrl} alt="" loading="lazy" /> : <div className="photo" />}
                <div className="result-body">
                  <h3>{p.name}</h3>
                  <span className="muted">
                    {p.city} · {t("bedrooms", { count: p.bedrooms })} · {t("guestsMax", { count: p.maxGuests })}
                    {p.distanceKm != null && ` · ${t("km", { count: Math.round(p.distanceKm) })}`}
                  </span>
                  {p.total ? (
                    <>
                      <span className="price">{t("total", { amount: money(p.total, locale) })}</span>
                      <span className="muted">{t("nights", { count: p.nights ?? 0 })}</span>
                    </>
                  ) : (
                    <span className="price">{price(p)}</span>
                  )}
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
