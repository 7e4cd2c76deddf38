// What a failed API call means for a person: a sentence in their language and, for a form,
// one message per field.
import { ProblemError } from "@sejour/sdk";
import { getTranslations } from "next-intl/server";
import { feedErrorCode } from "./editor";

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
  const t = await translators();
  const fields: Record<string, string> = {};
  for (const field of error.errors) {
    fields[field.field] ??= forCode(t, field.code) ?? field.message;
  }
  return { error: sentence(error, t), fields, values };
}

type Translate = Awaited<ReturnType<typeof getTranslations>>;

/** The sentences of the problem codes, and the app's own error sentences. */
interface Translators {
  problems: Translate;
  errors: Translate;
}

async function translators(): Promise<Translators> {
  const [problems, errors] = await Promise.all([getTranslations("problems"), getTranslations("errors")]);
  return { problems, errors };
}

/**
 * The sentence for an API code, `problems.<code>` (one for every code the API answers: see
 * tests/problems.test.ts); `undefined` for a code without one.
 */
function forCode(t: Translators, code: string): string | undefined {
  // `has` is also true for a group of codes (`reservation`): only a sentence will do.
  return t.problems.has(code) && typeof t.problems.raw(code) === "string" ? t.problems(code) : undefined;
}

/**
 * A message the API stores with its code in front (a feed's last error, `ical_feed.timeout: …`),
 * in words when the code has a sentence, else as it is.
 */
export async function codedMessage(message: string): Promise<string> {
  const code = feedErrorCode(message);
  return (code && forCode(await translators(), code)) || message;
}

/** A sentence for a failed call's error body (as openapi-fetch returns it). */
export async function describeProblem(body: unknown, response: Response): Promise<string> {
  return sentence(ProblemError.from(response, body), await translators());
}

function sentence(error: ProblemError, t: Translators): string {
  const known = forCode(t, error.code);
  if (known) return known;
  if (error.errors.length > 0) return t.errors("fields");
  if (error.status >= 500 || error.status === 0) return t.errors("unavailable");
  // The API's own sentence (English) is better than nothing for an unknown code.
  return error.detail || t.errors("generic");
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
