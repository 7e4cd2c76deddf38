"use server";
import { type TokenResponse, unwrap } from "@sejour/sdk";
import { cookies, headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import { api } from "@/lib/api";
import { type FormState, formValues, problemState } from "@/lib/problems";
import { clearSession, isHttps, REFRESH_COOKIE, readClaims, writeSession } from "@/lib/session";

/** Only paths of this site: never an open redirect. */
const safeNext = (next: string | undefined) => (next?.startsWith("/") && !next.startsWith("//") ? next : undefined);

const HOME = { admin: "/admin", manager: "/admin", owner: "/owner", guest: "/account" } as const;

async function startSession(
  tokens: { accessToken: string; refreshToken: string; expiresIn: number },
  next?: string,
): Promise<never> {
  writeSession(await cookies(), tokens, isHttps(await headers()));
  const role = readClaims(tokens.accessToken)?.role ?? "guest";
  return redirect({ href: safeNext(next) ?? HOME[role], locale: await getLocale() });
}

export async function signIn(_: FormState, form: FormData): Promise<FormState> {
  const { email = "", password = "", next } = formValues(form);
  let tokens: TokenResponse;
  try {
    tokens = await unwrap((await api()).POST("/api/v1/auth/login", { body: { email, password } }));
  } catch (error) {
    return problemState(error, { email });
  }
  return startSession(tokens, next);
}

export async function register(_: FormState, form: FormData): Promise<FormState> {
  const { email = "", password = "", firstName = "", lastName = "", next } = formValues(form);
  const client = await api();
  let tokens: TokenResponse;
  try {
    await unwrap(client.POST("/api/v1/auth/register", { body: { email, password, firstName, lastName } }));
    tokens = await unwrap(client.POST("/api/v1/auth/login", { body: { email, password } }));
  } catch (error) {
    return problemState(error, { email, firstName, lastName });
  }
  return startSession(tokens, next);
}

export async function signOut() {
  const jar = await cookies();
  const refreshToken = jar.get(REFRESH_COOKIE)?.value;
  // Revoke the session on the API too; signing out here must work even if that fails.
  if (refreshToken) await (await api()).POST("/api/v1/auth/logout", { body: { refreshToken } }).catch(() => undefined);
  clearSession(jar);
  redirect({ href: "/", locale: await getLocale() });
}
