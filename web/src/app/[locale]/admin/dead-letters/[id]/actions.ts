"use server";
import { unwrap } from "@sejour/sdk";
import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import { api } from "@/lib/api";
import { type FormState, problemState } from "@/lib/problems";

/** Queues the delivery again with a fresh budget of attempts, then back to the list, which says so. */
export async function replayDeadLetter(id: number, _: FormState, _form: FormData): Promise<FormState> {
  try {
    await unwrap((await api()).POST("/api/v1/admin/dead-letters/{id}/replay", { params: { path: { id } } }));
  } catch (error) {
    return problemState(error);
  }
  revalidatePath("/[locale]/admin/dead-letters", "page");
  redirect({ href: { pathname: "/admin/dead-letters", query: { replayed: String(id) } }, locale: await getLocale() });
  return {};
}
