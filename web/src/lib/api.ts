// The SDK on the Next server: the session's token from its cookie, the browser's address
// forwarded so the API rate-limits and audits the real client (SEJOUR_TRUSTED_PROXIES).
import { createSejourClient, type SejourClient } from "@sejour/sdk";
import { cookies, headers } from "next/headers";
import { API_URL } from "./config";
import { ACCESS_COOKIE, type Claims, readClaims } from "./session";

/** A client acting as the signed-in user (or anonymous). */
export async function api(): Promise<SejourClient> {
  const [jar, incoming] = await Promise.all([cookies(), headers()]);
  const forwardedFor = incoming.get("x-forwarded-for");
  const language = incoming.get("accept-language");
  return createSejourClient({
    baseUrl: API_URL,
    token: () => jar.get(ACCESS_COOKIE)?.value,
    headers: {
      ...(forwardedFor ? { "X-Forwarded-For": forwardedFor } : {}),
      ...(language ? { "Accept-Language": language } : {}),
    },
  });
}

/** Who is signed in, read from the access token (the API checks it on every call). */
export async function currentUser(): Promise<Claims | null> {
  return readClaims((await cookies()).get(ACCESS_COOKIE)?.value);
}

export const isStaff = (claims: Claims | null) => claims?.role === "admin" || claims?.role === "manager";
