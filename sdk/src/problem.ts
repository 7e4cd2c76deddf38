import type { Problem, ProblemField } from "./schema.ts";

/** An API error: the RFC 9457 problem+json body the server answered, as a thrown value. */
export class ProblemError extends Error {
  readonly status: number;
  /** The stable code to switch on, e.g. `reservation.period_unavailable`. */
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  /** Per-field problems of a validation error (empty otherwise). */
  readonly errors: readonly ProblemField[];

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = "ProblemError";
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
  }

  /** The first message per field path (`guest.email` → "…"), for forms. */
  fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const error of this.errors) byField[error.field] ??= error.message;
    return byField;
  }

  /** Builds the error from any failed response: the problem body when there is one. */
  static from(response: Response, body: unknown): ProblemError {
    if (isProblem(body)) return new ProblemError(body);
    const code = response.status === 0 ? "network.failed" : `http.${response.status}`;
    return new ProblemError({
      type: `urn:sejour:problem:${code}`,
      code,
      status: response.status,
      title: response.statusText || "Request failed",
      detail: typeof body === "string" && body ? body : `HTTP ${response.status}`,
    });
  }
}

function isProblem(body: unknown): body is Problem {
  if (typeof body !== "object" || body === null) return false;
  const { code, status, title } = body as Record<string, unknown>;
  return typeof code === "string" && typeof status === "number" && typeof title === "string";
}

/** What an openapi-fetch call resolves to: data on success, the error body otherwise. */
export type ApiResult<T> =
  | { data: T; error?: never; response: Response }
  | { data?: never; error: unknown; response: Response };

/** Awaits a call and returns its data, or throws a `ProblemError`. */
export async function unwrap<R extends { data?: unknown; error?: unknown; response: Response }>(
  call: Promise<R>,
): Promise<NonNullable<R["data"]>> {
  const result = await call;
  if (result.error !== undefined || !result.response.ok) {
    throw ProblemError.from(result.response, result.error);
  }
  return result.data as NonNullable<R["data"]>;
}
