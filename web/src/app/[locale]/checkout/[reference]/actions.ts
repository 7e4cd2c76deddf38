"use server";
import { unwrap } from "@sejour/sdk";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { api } from "@/lib/api";
import { type FormState, formValues, problemState } from "@/lib/problems";

/** Back to where the payment was asked for: a path of this site only. */
function back(returnUrl: string): never {
  redirect(returnUrl.startsWith("/") && !returnUrl.startsWith("//") ? returnUrl : "/");
}

/** What a settled checkout means for the person: back to their booking when paid, a sentence when declined. */
async function after(checkout: { status: string; returnUrl: string }): Promise<FormState> {
  revalidatePath("/[locale]/checkout/[reference]", "page");
  if (checkout.status === "succeeded") back(checkout.returnUrl);
  if (checkout.status === "failed") return { error: (await getTranslations("payments"))("declined") };
  return {};
}

/** The guest pays the built-in gateway's checkout with a (test) card. */
export async function payCheckout(reference: string, _: FormState, form: FormData): Promise<FormState> {
  const { cardNumber = "", saveCard } = formValues(form);
  let checkout: { status: string; returnUrl: string };
  try {
    checkout = await unwrap(
      (await api()).POST("/api/v1/checkout/{reference}/pay", {
        params: { path: { reference } },
        body: { cardNumber, saveCard: saveCard === "on" },
      }),
    );
  } catch (error) {
    return problemState(error, { cardNumber, ...(saveCard ? { saveCard } : {}) });
  }
  return after(checkout);
}

/** The guest's bank approves, or not, a payment that asked for a second step. */
export async function authenticateCheckout(reference: string, approve: boolean): Promise<FormState> {
  let checkout: { status: string; returnUrl: string };
  try {
    checkout = await unwrap(
      (await api()).POST("/api/v1/checkout/{reference}/authenticate", {
        params: { path: { reference } },
        body: { approve },
      }),
    );
  } catch (error) {
    return problemState(error);
  }
  return after(checkout);
}
