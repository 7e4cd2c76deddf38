// What every editor action shares: the reader of the form, the refusal as a form state (field
// errors the form cannot show are told in the summary), and the pages to refresh.
import { ProblemError } from "@sejour/sdk";
import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { missingFromProblem, type Requirement } from "@/lib/editor";
import { FormReader, type Invalid } from "@/lib/form-reader";
import { type FormState, formValues, problemState } from "@/lib/problems";

export async function readerFor(form: FormData): Promise<FormReader> {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("editor")]);
  return new FormReader(formValues(form), locale, (key: Invalid, values) => t(`invalid.${key}`, values));
}

/** The reader's errors as a form state (the action stops there). */
export async function invalid(r: FormReader): Promise<FormState> {
  const t = await getTranslations("errors");
  return { error: t("fields"), fields: r.errors, values: r.values };
}

/**
 * A refused call as a form state, typed values kept. `shown` maps the API's field paths to
 * the form's fields where they differ; errors on fields the form does not have go to the summary.
 */
export async function refused(error: unknown, values: Record<string, string>, shown: Record<string, string> = {}) {
  refresh();
  const state = await problemState(error, values);
  if (!(error instanceof ProblemError)) return state;
  const t = await getTranslations("editor");
  if (error.code === "property.not_ready_to_publish") {
    const missing = missingFromProblem(error.detail, error.errors);
    if (missing.length > 0)
      return { ...state, fields: {}, error: t("publish.wouldBreak", { missing: await missingWords(missing) }) };
  }
  const fields: Record<string, string> = {};
  const loose: string[] = [];
  for (const [path, message] of Object.entries(state.fields ?? {})) {
    const name = shown[path] ?? path;
    if (name in values) fields[name] = message;
    else {
      const label = `apiField.${path}` as Parameters<typeof t>[0];
      loose.push(t("looseField", { field: t.has(label) ? t(label) : path, message }));
    }
  }
  return { ...state, fields, error: [state.error, ...loose].filter(Boolean).join(" ") };
}

/** What publishing lacks, as one phrase: "le numéro d’enregistrement et au moins une photo". */
export async function missingWords(missing: Requirement[]): Promise<string> {
  const t = await getTranslations("editor");
  return new Intl.ListFormat(t("listLocale"), { type: "conjunction" }).format(
    missing.map((m) => t(`publish.missing.${m}`)),
  );
}

/** Every page of the editor (and the list) shows the new state. */
export function refresh() {
  revalidatePath("/[locale]/admin/properties", "layout");
}
