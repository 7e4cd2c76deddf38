"use server";
import { type UpdateUserRequest, unwrap } from "@sejour/sdk";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { api } from "@/lib/api";
import { type FormState, formValues, problemState } from "@/lib/problems";
import { ROLES } from "../roles";

/** `PATCH /users/{id}` with `If-Match` of the version the page showed; the page is read again after. */
async function patchUser(id: string, body: UpdateUserRequest, form: FormData, values?: Record<string, string>) {
  const { version = "" } = formValues(form);
  try {
    await unwrap(
      (await api()).PATCH("/api/v1/users/{id}", {
        params: { path: { id }, header: { "If-Match": `"${version}"` } },
        body,
      }),
    );
    return null;
  } catch (error) {
    return problemState(error, values);
  } finally {
    // Success or a stale version: the page shows the account as it is now.
    revalidatePath("/[locale]/admin/users/[id]", "page");
  }
}

export async function changeRole(id: string, _: FormState, form: FormData): Promise<FormState> {
  const { role = "" } = formValues(form);
  const t = await getTranslations("admin");
  const chosen = ROLES.find((r) => r === role);
  if (!chosen) return { error: t("user.pickRole"), fields: { role: t("user.pickRole") } };
  const refused = await patchUser(id, { role: chosen }, form, { role });
  return refused ?? { done: t("user.roleChanged", { role: t(`roles.${chosen}`) }) };
}

/** Disables the account or enables it again, as the form's `disabled` field (`true`/`false`) says. */
export async function setDisabled(id: string, _: FormState, form: FormData): Promise<FormState> {
  const t = await getTranslations("admin");
  const disabled = formValues(form).disabled === "true";
  const refused = await patchUser(id, { disabled }, form);
  return refused ?? { done: disabled ? t("user.wasDisabled") : t("user.wasEnabled") };
}
