// What a failed API call means for a person: a sentence in their language and, for a form,
// one message per field.
import { ProblemError } from "@sejour/sdk";
import { getTranslations } from "next-intl/server";

/** What a form action returns: nothing (success), or the errors to show beside the fields. */
export interface FormState {
  error?: string;
  fields?: Record<string, string>;
  /** What the person typed, to refill the form. */
  values?: Record<string, string>;
  done?: string;
}

/** Turns a thrown error into a form state (anything else than a problem is re-thrown). */
export async function problemState(error: unknown, values?: Record<string, string>): Promise<FormState> {
  if (!(error instanceof ProblemError)) throw error;
  const t = await getTranslations("errors");
  const fields: Record<string, string> = {};
  for (const field of error.errors) {
    const key = `codes.${field.code}` as Parameters<Translate>[0];
    fields[field.field] ??= t.has(key) ? t(key) : field.message;
  }
  return { error: await sentence(error, t), fields, values };
}

type Translate = Awaited<ReturnType<typeof getTranslations<"errors">>>;

/** A sentence for a failed call's error body (as openapi-fetch returns it). */
export async function describeProblem(body: unknown, response: Response): Promise<string> {
  return sentence(ProblemError.from(response, body), await getTranslations("errors"));
}

async function sentence(error: ProblemError, t: Translate): Promise<string> {
  const key = `codes.${error.code}` as Parameters<Translate>[0];
  if (t.has(key)) return t(key);
  if (error.errors.length > 0) return t("fields");
  if (error.status >= 500 || error.status === 0) return t("unavailable");
  // The API's own sentence (English) is better than nothing for an unknown code.
  return error.detail || t("generic");
}

/**
 * Why a list could not be read (a refused filter), as one text: the problem's sentence and
 * each field's, plus the fields to mark.
 */
export async function listProblem(body: unknown, response: Response): Promise<{ text: string; fields: string[] }> {
  const { error = "", fields = {} } = await problemState(ProblemError.from(response, body));
  return { text: [error, ...new Set(Object.values(fields))].join(" "), fields: Object.keys(fields) };
}

/** The form's fields as strings. */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form) if (typeof value === "string") values[name] = value.trim();
  return values;
}
