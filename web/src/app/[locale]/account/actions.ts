"use server";
import { unwrap } from "@sejour/sdk";
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect as nextRedirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import { api } from "@/lib/api";
import { checkoutHref } from "@/lib/payments";
import { type FormState, formValues, problemState } from "@/lib/problems";
import { clearSession } from "@/lib/session";

const ifMatch = (version: string | undefined) => ({ "If-Match": `"${version ?? ""}"` });

/** The guest cancels their booking (the refund due follows the cancellation policy). */
export async function cancelMyReservation(id: string, _: FormState, form: FormData): Promise<FormState> {
  const { reason = "", version } = formValues(form);
  try {
    await unwrap(
      (await api()).POST("/api/v1/reservations/{id}/cancel", {
        params: { path: { id }, header: ifMatch(version) },
        body: { reason },
      }),
    );
  } catch (error) {
    revalidatePath("/[locale]/account/reservations/[id]", "page");
    return problemState(error, { reason });
  }
  revalidatePath("/[locale]/account/reservations/[id]", "page");
  return { done: (await getTranslations("account"))("cancelled") };
}

export async function updateProfile(_: FormState, form: FormData): Promise<FormState> {
  const v = formValues(form);
  try {
    await unwrap(
      (await api()).PATCH("/api/v1/users/me", {
        params: { header: ifMatch(v.version) },
        body: {
          firstName: v.firstName,
          lastName: v.lastName,
          phone: v.phone || null,
          language: v.language === "en" ? "en" : "fr",
        },
      }),
    );
  } catch (error) {
    revalidatePath("/[locale]/account/profile", "page");
    return problemState(error, v);
  }
  revalidatePath("/[locale]/account/profile", "page");
  return { done: (await getTranslations("account"))("saved") };
}

export async function changePassword(_: FormState, form: FormData): Promise<FormState> {
  const { currentPassword = "", newPassword = "" } = formValues(form);
  try {
    await unwrap((await api()).POST("/api/v1/auth/password", { body: { currentPassword, newPassword } }));
  } catch (error) {
    return problemState(error);
  }
  return { done: (await getTranslations("account"))("passwordChanged") };
}

/** Always the same answer, whether the account exists or not (as the API does). */
export async function requestPasswordReset(_: FormState, form: FormData): Promise<FormState> {
  const { email = "" } = formValues(form);
  // The API answers the same to anything (accounts cannot be probed): an empty field is
  // caught here, or the person would be told a link is on its way.
  if (!email) {
    const t = await getTranslations("errors");
    return { error: t("fields"), fields: { email: t("emailRequired") } };
  }
  try {
    await unwrap((await api()).POST("/api/v1/auth/password-reset", { body: { email } }));
  } catch (error) {
    return problemState(error, { email });
  }
  return { done: (await getTranslations("auth"))("resetSent") };
}

/** A new password from the emailed link; every session ends, so this one too. */
export async function resetPassword(token: string, _: FormState, form: FormData): Promise<FormState> {
  const { newPassword = "" } = formValues(form);
  try {
    await unwrap((await api()).POST("/api/v1/auth/password-reset/confirm", { body: { token, newPassword } }));
  } catch (error) {
    return problemState(error);
  }
  clearSession(await cookies());
  return redirect({ href: { pathname: "/sign-in", query: { reset: "1" } }, locale: await getLocale() });
}

/**
 * The guest pays the next installment of their booking: the API opens the gateway's checkout,
 * where they are sent (the built-in gateway's page in this app, or a provider's). Ticking
 * `saveCard` is their consent to keep the card for the balance and the security deposit.
 */
export async function payNextInstallment(id: string, _: FormState, form: FormData): Promise<FormState> {
  const locale = await getLocale();
  const { saveCard } = formValues(form);
  let url: string;
  try {
    const payment = await unwrap(
      (await api()).POST("/api/v1/reservations/{id}/payments", {
        params: { path: { id } },
        body: { returnUrl: `/${locale}/account/reservations/${id}?paid=1`, saveCard: saveCard === "on" },
      }),
    );
    if (!payment.checkoutUrl) return { error: (await getTranslations("payments"))("unavailable") };
    url = checkoutHref(payment.checkoutUrl, locale);
  } catch (error) {
    revalidatePath("/[locale]/account/reservations/[id]", "page");
    return problemState(error);
  }
  nextRedirect(url);
}
