import type { QuoteDto } from "@sejour/sdk";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { OccupancyCalendar } from "@/components/calendar";
import { QuoteLines } from "@/components/quote";
import { Link } from "@/i18n/navigation";
import { api } from "@/lib/api";
import { addDays, isDay, today } from "@/lib/format";
import { describeProblem } from "@/lib/problems";
import { parseStay, type StayQuery } from "@/lib/stay";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { data } = await (await api()).GET("/api/v1/properties/{id}", { params: { path: { id: (await params).id } } });
  return { title: data?.name };
}

export default async function PropertyPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<StayQuery>;
}) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const client = await api();
  const stayQuery = await searchParams;
  const monthStart = `${(isDay(stayQuery.checkIn) ? stayQuery.checkIn : today()).slice(0, 7)}-01`;
  const [{ data: property }, { data: occupied }] = await Promise.all([
    client.GET("/api/v1/properties/{id}", { params: { path: { id } } }),
    client.GET("/api/v1/properties/{id}/calendar", {
      params: { path: { id }, query: { from: monthStart, to: addDays(monthStart, 2 * 31) } },
    }),
  ]);
  const t = await getTranslations("property");
  if (!property) notFound();
  const stay = parseStay(stayQuery);
  let quote: QuoteDto | undefined;
  let problem: string | undefined;
  if (stay) {
    const result = await client.GET("/api/v1/properties/{id}/quote", {
      params: {
        path: { id },
        query: { checkIn: stay.checkIn, checkOut: stay.checkOut, adults: stay.adults, children: stay.children },
      },
    });
    quote = result.data;
    if (result.error) problem = await describeProblem(result.error, result.response);
  }
  const description =
    (locale === "en" ? property.descriptions.en : property.descriptions.fr) ||
    property.descriptions.fr ||
    property.descriptions.en;
  const tAmenity = await getTranslations("amenities");
  const start = today();

  return (
    <article className="two">
      <div className="stack">
        <h1>{property.name}</h1>
        <p className="muted">
          {property.city}, {property.country}
        </p>
        <div className="gallery">
          {property.photos.map((photo, index) => (
            <img
              key={photo.id}
              className="photo"
              src={photo.resizedUrl}
              alt={photo.caption || t("photo", { index: index + 1, name: property.name })}
              width={photo.width}
              height={photo.height}
              loading={index < 2 ? "eager" : "lazy"}
            />
          ))}
        </div>
        {description && <p style={{ whiteSpace: "pre-line" }}>{description}</p>}
        <h2>{t("capacity")}</h2>
        <p>
          {t("maxGuests", { count: property.capacity.maxGuests })} ·{" "}
          {t("rooms", {
            bedrooms: property.capacity.bedrooms ?? 0,
            beds: property.capacity.beds ?? 0,
            bathrooms: property.capacity.bathrooms ?? 0,
          })}
        </p>
        <p>{t("times", { checkIn: property.checkInTime.slice(0, 5), checkOut: property.checkOutTime.slice(0, 5) })}</p>
        {property.amenities.length > 0 && (
          <>
            <h2>{t("amenities")}</h2>
            <ul className="chips">
              {property.amenities.map((a) => (
                <li key={a}>{tAmenity(a)}</li>
              ))}
            </ul>
          </>
        )}
        {property.houseRules && (
          <>
            <h2>{t("houseRules")}</h2>
            <p style={{ whiteSpace: "pre-line" }}>{property.houseRules}</p>
          </>
        )}
        <h2>{t("availability")}</h2>
        <OccupancyCalendar ranges={occupied ?? []} from={monthStart} months={2} locale={locale} />
        {property.registrationNumber && (
          <p className="muted">{t("registration", { number: property.registrationNumber })}</p>
        )}
      </div>

      <aside className="card stack" aria-labelledby="quote-title">
        <h2 id="quote-title" style={{ marginTop: 0 }}>
          {t("quote")}
        </h2>
        <form method="get" className="stack">
          <div className="row">
            <div className="field">
              <label htmlFor="checkIn">{(await getTranslations("search"))("checkIn")}</label>
              <input id="checkIn" name="checkIn" type="date" min={start} defaultValue={stay?.checkIn} required />
            </div>
            <div className="field">
              <label htmlFor="checkOut">{(await getTranslations("search"))("checkOut")}</label>
              <input
                id="checkOut"
                name="checkOut"
                type="date"
                min={addDays(start, 1)}
                defaultValue={stay?.checkOut}
                required
              />
            </div>
          </div>
          <div className="row">
            <div className="field">
              <label htmlFor="adults">{t("adults")}</label>
              <input id="adults" name="adults" type="number" min={1} max={50} defaultValue={stay?.adults ?? 2} />
            </div>
            <div className="field">
              <label htmlFor="children">{t("childrenAges")}</label>
              <input
                id="children"
                name="children"
                inputMode="numeric"
                aria-describedby="children-hint"
                defaultValue={stay?.children.join(", ")}
              />
              <small id="children-hint" className="hint">
                {t("childrenHint")}
              </small>
            </div>
          </div>
          <button type="submit" className="button">
            {t("seePrice")}
          </button>
        </form>
        {problem && (
          <p role="alert" className="alert alert-error">
            {problem}
          </p>
        )}
        {quote && stay && (
          <>
            <QuoteLines quote={quote} locale={locale} />
            <Link
              className="button primary"
              href={{ pathname: `/properties/${id}/book`, query: { ...stay, children: stay.children.join(",") } }}
            >
              {t("book")}
            </Link>
          </>
        )}
      </aside>
    </article>
  );
}
