"use server";
// The property editor's server actions: each reads its form, checks what it can (amounts in
// the visitor's way of writing numbers, dates, ranges) and calls the API with the version the
// page showed (`If-Match`), so that someone else's change is explained, never overwritten.
import {
  type Amenity,
  type BlockKind,
  type CancellationPolicy,
  ProblemError,
  type RatePlan,
  type Season,
  type TouristTaxRegime,
  type UpdatePropertyRequest,
  unwrap,
  type Weekday,
} from "@sejour/sdk";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { api } from "@/lib/api";
import { ifMatch, missingFromProblem, rowsOf } from "@/lib/editor";
import { codedMessage, type FormState, formValues, problemState } from "@/lib/problems";
import { photoUpload } from "@/lib/upload";
import { invalid, missingWords, readerFor, refresh, refused } from "../editor-actions";
import { AMENITIES, readAddress, readCapacity, readKind, WEEKDAYS } from "../read";

const POLICIES: CancellationPolicy[] = ["flexible", "moderate", "strict"];
const BLOCK_KINDS: BlockKind[] = ["maintenance", "owner_stay"];
/** The API's bounds (rates.rs, tourist_tax.rs). */
const MAX_AMOUNT = 100_000_000;
const MAX_STAY = 90;

async function saved(
  key:
    | "saved"
    | "photoAdded"
    | "photoSaved"
    | "photoDeleted"
    | "blockAdded"
    | "blockRemoved"
    | "feedAdded"
    | "feedDeleted",
) {
  refresh();
  return { done: (await getTranslations("editor"))(`done.${key}`) };
}

async function patch(id: string, version: string | undefined, body: UpdatePropertyRequest) {
  await unwrap(
    (await api()).PATCH("/api/v1/properties/{id}", { params: { path: { id }, header: ifMatch(version) }, body }),
  );
}

export async function saveDetails(id: string, _: FormState, form: FormData): Promise<FormState> {
  const r = await readerFor(form);
  const name = r.required("name");
  const kind = readKind(r);
  const capacity = readCapacity(r);
  const floorAreaM2 = r.whole("floorAreaM2", 1, 100_000) ?? null;
  const checkInTime = r.time("checkInTime");
  const checkOutTime = r.time("checkOutTime");
  if (!r.ok) return invalid(r);
  try {
    await patch(id, r.values.version, {
      name,
      kind,
      capacity,
      floorAreaM2,
      checkInTime,
      checkOutTime,
      descriptions: { fr: r.text("descriptions.fr"), en: r.text("descriptions.en") },
      houseRules: r.text("houseRules"),
      registrationNumber: r.optional("registrationNumber"),
    });
  } catch (error) {
    return refused(error, r.values, { capacity: "capacity.maxGuests" });
  }
  return saved("saved");
}

export async function saveAddress(id: string, _: FormState, form: FormData): Promise<FormState> {
  const r = await readerFor(form);
  const { address, coordinates } = readAddress(r);
  if (!r.ok) return invalid(r);
  try {
    await patch(id, r.values.version, { address, coordinates });
  } catch (error) {
    return refused(error, r.values, { coordinates: "coordinates.lat" });
  }
  return saved("saved");
}

export async function saveAmenities(id: string, _: FormState, form: FormData): Promise<FormState> {
  const r = await readerFor(form);
  const amenities: Amenity[] = AMENITIES.filter((a) => r.values[`amenity.${a}`] === "on");
  try {
    await patch(id, r.values.version, { amenities, amenitiesOther: r.text("amenitiesOther") });
  } catch (error) {
    return refused(error, r.values);
  }
  return saved("saved");
}

export async function saveOwners(id: string, _: FormState, form: FormData): Promise<FormState> {
  const r = await readerFor(form);
  const owners = rowsOf(r.values, "owner")
    .filter(({ row }) => row.id)
    .map(({ index, row }) => ({
      ownerId: row.id ?? "",
      shareBp: r.percent(`owner.${index}.share`, 10_000, true),
    }));
  if (!r.ok) return invalid(r);
  try {
    await patch(id, r.values.version, { owners });
  } catch (error) {
    return refused(error, r.values, { owners: "owner.0.share" });
  }
  return saved("saved");
}

export async function saveRates(id: string, _: FormState, form: FormData): Promise<FormState> {
  const r = await readerFor(form);
  const currency = (["EUR", "USD", "GBP", "CHF", "JPY"] as const).find((c) => c === r.text("currency")) ?? "EUR";
  const money = (name: string, min: number) => {
    const amount = r.money(name, currency) ?? 0;
    if (r.errors[name] === undefined && (amount < min || amount > MAX_AMOUNT)) r.fail(name, "amountRange");
    return { amount, currency };
  };
  const policy = POLICIES.find((p) => p === r.text("cancellationPolicy"));
  if (!policy) r.fail("cancellationPolicy", "required");
  const seasons: Season[] = [];
  const names = new Set<string>();
  for (const { index, row } of rowsOf(r.values, "season")) {
    const at = (field: string) => `season.${index}.${field}`;
    // A row left blank is no season.
    if (!row.name?.trim() && !row.start && !row.end && !row.nightly?.trim()) continue;
    const name = r.required(at("name"));
    if (name && names.has(name.toLowerCase())) r.fail(at("name"), "duplicateSeason");
    names.add(name.toLowerCase());
    const start = r.day(at("start"));
    const end = r.day(at("end"));
    if (r.errors[at("start")] === undefined && r.errors[at("end")] === undefined && end <= start) {
      r.fail(at("end"), "endBeforeStart");
    }
    const arrivalDays = WEEKDAYS.filter((d) => row[`arrival.${d}`] === "on") as Weekday[];
    seasons.push({
      name,
      dates: { start, end },
      nightly: money(at("nightly"), 1),
      minNights: r.whole(at("minNights"), 1, MAX_STAY) ?? null,
      arrivalDays: arrivalDays.length > 0 ? arrivalDays : null,
    });
  }
  const sorted = [...seasons].sort((a, b) => a.dates.start.localeCompare(b.dates.start));
  for (let i = 1; i < sorted.length; i++) {
    const [before, after] = [sorted[i - 1], sorted[i]];
    if (before && after && after.dates.start < before.dates.end)
      r.fail("seasons", "seasonsOverlap", { first: before.name, second: after.name });
  }
  const rates: RatePlan = {
    currency,
    baseNightly: money("baseNightly", 1),
    cleaningFee: money("cleaningFee", 0),
    securityDeposit: money("securityDeposit", 0),
    extraGuestFeePerNight: money("extraGuestFeePerNight", 0),
    extraGuestThreshold: r.whole("extraGuestThreshold", 1, 50, true) ?? 1,
    defaultMinNights: r.whole("defaultMinNights", 1, MAX_STAY, true) ?? 1,
    weeklyDiscountBp: r.percent("weeklyDiscount", 9_999),
    monthlyDiscountBp: r.percent("monthlyDiscount", 9_999),
    cancellationPolicy: policy ?? "flexible",
    seasons,
  };
  if (!r.ok) {
    const state = await invalid(r);
    // An overlap concerns two rows: said in the summary.
    if (r.errors.seasons) state.error = `${state.error} ${r.errors.seasons}`;
    return state;
  }
  try {
    await patch(id, r.values.version, { rates });
  } catch (error) {
    return refused(error, r.values);
  }
  return saved("saved");
}

export async function saveTouristTax(id: string, _: FormState, form: FormData): Promise<FormState> {
  const r = await readerFor(form);
  const currency = "EUR";
  let regime: TouristTaxRegime | undefined;
  if (r.text("regime") === "fixedPerAdultNight") {
    regime = { kind: "fixedPerAdultNight", rate: { amount: r.money("fixedRate", currency) ?? 0, currency } };
  } else if (r.text("regime") === "proportional") {
    const rateBp = r.percent("proportionalRate", 500, true);
    if (r.errors.proportionalRate === undefined && rateBp < 100) r.fail("proportionalRate", "proportionalRange");
    regime = { kind: "proportional", rateBp, capPerAdultNight: { amount: r.money("cap", currency) ?? 0, currency } };
  } else r.fail("regime", "required");
  const touristTax = {
    regime: regime ?? { kind: "fixedPerAdultNight" as const, rate: { amount: 0, currency } },
    departmentalSurchargeBp: r.percent("departmentalSurcharge", 50_000),
    regionalSurchargeBp: r.percent("regionalSurcharge", 50_000),
  };
  if (!r.ok) return invalid(r);
  try {
    await patch(id, r.values.version, { touristTax });
  } catch (error) {
    return refused(error, r.values);
  }
  return saved("saved");
}

// Publishing.

const CHANGES = ["publish", "unpublish", "archive"] as const;

/** Publishes, takes off sale or archives, as the button pressed says (`change`). */
export async function changeStatus(id: string, _: FormState, form: FormData): Promise<FormState> {
  const change = CHANGES.find((c) => c === form.get("change"));
  if (!change) return {};
  const client = await api();
  const path = { params: { path: { id } } };
  try {
    if (change === "publish") await unwrap(client.POST("/api/v1/properties/{id}/publish", path));
    else if (change === "unpublish") await unwrap(client.POST("/api/v1/properties/{id}/unpublish", path));
    else await unwrap(client.POST("/api/v1/properties/{id}/archive", path));
  } catch (error) {
    refresh();
    if (error instanceof ProblemError && error.code === "property.not_ready_to_publish") {
      const missing = missingFromProblem(error.detail, error.errors);
      if (missing.length > 0) {
        return {
          error: (await getTranslations("editor"))("publish.refused", { missing: await missingWords(missing) }),
        };
      }
    }
    return problemState(error);
  }
  refresh();
  return { done: (await getTranslations("editor"))(`publish.done.${change}`) };
}

// Photos.

export async function uploadPhoto(id: string, _: FormState, form: FormData): Promise<FormState> {
  const file = form.get("file");
  const caption = formValues(form).caption ?? "";
  const t = await getTranslations("editor");
  if (!(file instanceof Blob) || file.size === 0) {
    return {
      error: (await getTranslations("errors"))("fields"),
      fields: { file: t("invalid.file") },
      values: { caption },
    };
  }
  try {
    await unwrap(
      (await api()).POST("/api/v1/properties/{id}/photos", {
        params: { path: { id } },
        body: { file, caption: caption || null },
        bodySerializer: () => photoUpload(file, caption),
      }),
    );
  } catch (error) {
    return refused(error, { caption, file: "" });
  }
  return saved("photoAdded");
}

export async function updatePhoto(id: string, photoId: string, _: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const position = values.position === undefined ? undefined : Number(values.position);
  try {
    await unwrap(
      (await api()).PATCH("/api/v1/properties/{id}/photos/{photo_id}", {
        params: { path: { id, photo_id: photoId } },
        body: position === undefined ? { caption: values.caption ?? "" } : { position },
      }),
    );
  } catch (error) {
    return refused(error, values);
  }
  return saved("photoSaved");
}

export async function deletePhoto(id: string, photoId: string, _: FormState, __: FormData): Promise<FormState> {
  try {
    await unwrap(
      (await api()).DELETE("/api/v1/properties/{id}/photos/{photo_id}", {
        params: { path: { id, photo_id: photoId } },
      }),
    );
  } catch (error) {
    return refused(error, {});
  }
  return saved("photoDeleted");
}

// Blocks.

export async function addBlock(id: string, _: FormState, form: FormData): Promise<FormState> {
  const r = await readerFor(form);
  const start = r.day("start");
  const end = r.day("end");
  if (r.ok && end <= start) r.fail("end", "endBeforeStart");
  const kind = BLOCK_KINDS.find((k) => k === r.text("kind"));
  if (!kind) r.fail("kind", "required");
  if (!r.ok || !kind) return invalid(r);
  try {
    await unwrap(
      (await api()).POST("/api/v1/properties/{id}/blocks", {
        params: { path: { id } },
        body: { start, end, kind, note: r.optional("note") },
      }),
    );
  } catch (error) {
    return refused(error, r.values);
  }
  return saved("blockAdded");
}

export async function removeBlock(id: string, blockId: string, _: FormState, __: FormData): Promise<FormState> {
  try {
    await unwrap(
      (await api()).DELETE("/api/v1/properties/{id}/blocks/{block_id}", {
        params: { path: { id, block_id: blockId } },
      }),
    );
  } catch (error) {
    return refused(error, {});
  }
  return saved("blockRemoved");
}

// iCal.

export async function addFeed(id: string, _: FormState, form: FormData): Promise<FormState> {
  const r = await readerFor(form);
  const name = r.required("name");
  const url = r.required("url");
  if (!r.ok) return invalid(r);
  try {
    await unwrap(
      (await api()).POST("/api/v1/properties/{id}/ical/feeds", { params: { path: { id } }, body: { name, url } }),
    );
  } catch (error) {
    return refused(error, r.values);
  }
  return saved("feedAdded");
}

export async function syncFeed(id: string, feedId: string, _: FormState, __: FormData): Promise<FormState> {
  const t = await getTranslations("editor");
  let report: Awaited<ReturnType<typeof syncCall>>;
  try {
    report = await syncCall(id, feedId);
  } catch (error) {
    return refused(error, {});
  }
  refresh();
  if (report.error) return { error: await feedError(report.error) };
  return {
    done: t("ical.synced", {
      inserted: report.inserted,
      updated: report.updated,
      deleted: report.deleted,
      conflicts: report.conflicts,
    }),
  };
}

const syncCall = async (id: string, feedId: string) =>
  unwrap(
    (await api()).POST("/api/v1/properties/{id}/ical/feeds/{feed_id}/sync", {
      params: { path: { id, feed_id: feedId } },
    }),
  );

/** A feed's error (`ical_feed.timeout: …`) in words. */
async function feedError(raw: string): Promise<string> {
  return codedMessage(raw);
}

export async function deleteFeed(id: string, feedId: string, _: FormState, __: FormData): Promise<FormState> {
  try {
    await unwrap(
      (await api()).DELETE("/api/v1/properties/{id}/ical/feeds/{feed_id}", {
        params: { path: { id, feed_id: feedId } },
      }),
    );
  } catch (error) {
    return refused(error, {});
  }
  return saved("feedDeleted");
}

/**
 * A new export link: the API gives a path with a fresh secret; the link handed out is on this
 * site (a route passes it to the API, whose address stays private). The old link stops working.
 */
export async function rotateExportLink(id: string, _: FormState, __: FormData): Promise<FormState> {
  let path: string;
  try {
    ({ path } = await unwrap((await api()).POST("/api/v1/properties/{id}/ical/token", { params: { path: { id } } })));
  } catch (error) {
    return refused(error, {});
  }
  const incoming = await headers();
  const host = incoming.get("x-forwarded-host") ?? incoming.get("host") ?? "localhost";
  const proto = incoming.get("x-forwarded-proto") ?? "http";
  return {
    done: (await getTranslations("editor"))("ical.exportReady"),
    values: { exportUrl: `${proto}://${host}${path}` },
  };
}
