// The session in httpOnly cookies: the browser never sees a token; the Next server sends it.
import { createSejourClient, type TokenResponse } from "@sejour/sdk";
import { API_URL } from "./config";
import { type Claims, readClaims, SingleFlightRefresh, type TokenPair } from "./tokens";

export const ACCESS_COOKIE = "sj_at";
export const REFRESH_COOKIE = "sj_rt";
/** Refresh tokens live 30 days on the API (SEJOUR_REFRESH_TOKEN_TTL_DAYS). */
const REFRESH_MAX_AGE = 30 * 24 * 3600;

export interface CookieWriter {
  set(name: string, value: string, options: Record<string, unknown>): unknown;
  delete(name: string): unknown;
}

/** Writes a fresh token pair as two httpOnly cookies. */
export function writeSession(jar: CookieWriter, tokens: TokenPair | TokenResponse, secure: boolean) {
  const base = { httpOnly: true, sameSite: "lax", secure, path: "/" };
  jar.set(ACCESS_COOKIE, tokens.accessToken, { ...base, maxAge: tokens.expiresIn });
  jar.set(REFRESH_COOKIE, tokens.refreshToken, { ...base, maxAge: REFRESH_MAX_AGE });
}

export function clearSession(jar: CookieWriter) {
  jar.delete(ACCESS_COOKIE);
  jar.delete(REFRESH_COOKIE);
}

/** Cookies are `Secure` when the browser came over HTTPS (directly or through the proxy). */
export function isHttps(headers: Headers, url?: string): boolean {
  return headers.get("x-forwarded-proto") === "https" || (url?.startsWith("https:") ?? false);
}

/** One refresh per refresh token for this server process (see `SingleFlightRefresh`). */
export const refreshOnce = new SingleFlightRefresh(async (refreshToken, forwardedFor) => {
  const api = createSejourClient({
    baseUrl: API_URL,
    headers: forwardedFor ? { "X-Forwarded-For": forwardedFor } : {},
  });
  const { data } = await api.POST("/api/v1/auth/refresh", { body: { refreshToken } });
  return data ?? null;
});

export type { Claims };
export { readClaims };
