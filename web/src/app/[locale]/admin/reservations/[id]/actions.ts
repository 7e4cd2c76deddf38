"use server";
import { unwrap } from "@sejour/sdk";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { api } from "@/lib/api";
import { type FormState, formValues, problemState } from "@/lib/problems";

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
