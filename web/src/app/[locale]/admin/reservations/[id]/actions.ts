"use server";
import { ProblemError, type UpdateReservationRequest, unwrap } from "@sejour/sdk";
import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { api } from "@/lib/api";
import { parseMoney } from "@/lib/decimal";
import { isDay, money } from "@/lib/format";
import { type FormState, formValues, problemState } from "@/lib/problems";
import { parseAges } from "@/lib/stay";
import { photoUpload } from "@/lib/upload";

/** `If-Match` with the version the page was showing: someone else's change wins, with a message. */
const ifMatch = (form: FormData) => ({ "If-Match": `"${formValues(form).version ?? ""}"` });

export async function confirmReservation(id: string, _: FormState, form: FormData): Promise<FormState> {
  try {
    await unwrap(
      (await api()).POST("/api/v1/reservations/{id}/confirm", { params: { path: { id }, header: ifMatch(form) } }),
    );
  } catch (error) {
    revalidatePath("/[locale]/admin/reservations/[id]", "page");
    return problemState(error);
  }
  revalidatePath("/[locale]/admin/reservations/[id]", "page");
  return { done: (await getTranslations("admin"))("confirmed") };
}

export async function cancelReservation(id: string, _: FormState, form: FormData): Promise<FormState> {
  const { reason = "" } = formValues(form);
  try {
    await unwrap(
      (await api()).POST("/api/v1/reservations/{id}/cancel", {
        params: { path: { id }, header: ifMatch(form) },
        body: { reason },
      }),
    );
  } catch (error) {
    revalidatePath("/[locale]/admin/reservations/[id]", "page");
    return problemState(error, { reason });
  }
  revalidatePath("/[locale]/admin/reservations/[id]", "page");
  return { done: (await getTranslations("admin"))("cancelled") };
}

/** What the edit form was showing: the values a change is measured against. */
interface Shown {
  checkIn: string;
  checkOut: string;
  adults: number;
  children: number[];
  notes: string;
}

/**
 * Changes the dates, occupants or notes: only what the person changed from what the page
 * showed is sent, with `If-Match` of that version. When someone else changed the booking
 * meanwhile (412), the page is reloaded with their version and the form keeps what this
 * person changed (the fields they left alone show the fresh values).
 */
export async function updateReservation(id: string, _: FormState, form: FormData): Promise<FormState> {
  const v = formValues(form);
  const [t, locale] = await Promise.all([getTranslations("admin"), getLocale()]);
  const shown = JSON.parse(v.shown ?? "{}") as Shown;
  const typed = {
    checkIn: v.checkIn ?? "",
    checkOut: v.checkOut ?? "",
    adults: v.adults ?? "",
    children: v.children ?? "",
    notes: v.notes ?? "",
  };
  const adults = /^\d{1,3}$/.test(typed.adults) ? Number.parseInt(typed.adults, 10) : null;
  const children = parseAges(typed.children);
  const fields: Record<string, string> = {};
  if (!isDay(typed.checkIn)) fields.checkIn = t("edit.badDay");
  if (!isDay(typed.checkOut)) fields.checkOut = t("edit.badDay");
  if (adults === null) fields.adults = t("edit.badAdults");
  if (children === null) fields.children = t("edit.badAges");
  if (Object.keys(fields).length > 0 || adults === null || children === null) {
    return { error: (await getTranslations("errors"))("fields"), fields, values: typed };
  }

  const body: UpdateReservationRequest = {};
  if (typed.checkIn !== shown.checkIn) body.checkIn = typed.checkIn;
  if (typed.checkOut !== shown.checkOut) body.checkOut = typed.checkOut;
  if (adults !== shown.adults) body.adults = adults;
  if (children.join(",") !== shown.children.join(",")) body.children = children;
  if (typed.notes !== shown.notes) body.notes = typed.notes || null;
  if (Object.keys(body).length === 0) return { done: t("edit.unchanged") };

  try {
    const updated = await unwrap(
      (await api()).PATCH("/api/v1/reservations/{id}", {
        params: { path: { id }, header: ifMatch(form) },
        body,
      }),
    );
    revalidatePath("/[locale]/admin/reservations/[id]", "page");
    return { done: t("edit.saved", { total: money(updated.price.total, locale) }) };
  } catch (error) {
    if (error instanceof ProblemError && error.code === "reservation.version_mismatch") {
      revalidatePath("/[locale]/admin/reservations/[id]", "page");
      // Keep what this person changed; let the fields they did not touch show the fresh version.
      const changed = Object.fromEntries(Object.entries(typed).filter(([name]) => name in body));
      return { error: t("edit.stale"), values: changed };
    }
    return problemState(error, typed);
  }
}

/** A commercial gesture: part of what the guest paid given back, once per `requestId`. */
export async function refundGoodwill(id: string, _: FormState, form: FormData): Promise<FormState> {
  const { amount = "", reason = "", requestId = "" } = formValues(form);
  const minor = parseMoney(amount, await getLocale());
  const t = await getTranslations("payments");
  if (minor === null || minor <= 0) {
    return { fields: { amount: t("goodwill.amountInvalid") }, values: { amount, reason } };
  }
  try {
    await unwrap(
      (await api()).POST("/api/v1/reservations/{id}/refunds", {
        params: { path: { id } },
        body: { requestId, amount: { amount: minor, currency: "EUR" }, reason },
      }),
    );
  } catch (error) {
    return problemState(error, { amount, reason });
  }
  revalidatePath("/[locale]/admin/reservations/[id]", "page");
  return { done: t("goodwill.done") };
}

/** A photo of the damage, kept as the claim's evidence (shown to the guest too). */
export async function addDamagePhoto(id: string, _: FormState, form: FormData): Promise<FormState> {
  const file = form.get("file");
  const caption = formValues(form).caption ?? "";
  const t = await getTranslations("payments");
  if (!(file instanceof Blob) || file.size === 0) {
    return { fields: { file: t("deposit.photoMissing") }, values: { caption } };
  }
  try {
    await unwrap(
      (await api()).POST("/api/v1/reservations/{id}/deposit/photos", {
        params: { path: { id } },
        body: { file, caption: caption || null },
        bodySerializer: () => photoUpload(file, caption),
      }),
    );
  } catch (error) {
    return problemState(error, { caption });
  }
  revalidatePath("/[locale]/admin/reservations/[id]", "page");
  return { done: t("deposit.photoAdded") };
}

/** A damage claim on the held security deposit: an amount in euros and its reason. */
export async function claimDeposit(id: string, _: FormState, form: FormData): Promise<FormState> {
  const { amount = "", reason = "" } = formValues(form);
  const locale = await getLocale();
  const minor = parseMoney(amount, locale);
  const t = await getTranslations("payments");
  if (minor === null) return { fields: { amount: t("deposit.claimAmountInvalid") }, values: { amount, reason } };
  try {
    await unwrap(
      (await api()).POST("/api/v1/reservations/{id}/deposit/claims", {
        params: { path: { id } },
        body: { amount: { amount: minor, currency: "EUR" }, reason },
      }),
    );
  } catch (error) {
    return problemState(error, { amount, reason });
  }
  revalidatePath("/[locale]/admin/reservations/[id]", "page");
  return { done: t("deposit.claimed") };
}
