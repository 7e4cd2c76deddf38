// Runs before every page: keeps the session fresh (one refresh per refresh token, cookies
// rewritten for the browser and for this request) and routes the locale (next-intl).
import { type NextRequest, NextResponse } from "next/server";
import createIntlMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";
import { ACCESS_COOKIE, clearSession, isHttps, REFRESH_COOKIE, refreshOnce, writeSession } from "./lib/session";
import { needsRefresh } from "./lib/tokens";

const intl = createIntlMiddleware(routing);

export default async function proxy(request: NextRequest) {
  const access = request.cookies.get(ACCESS_COOKIE)?.value;
  const refresh = request.cookies.get(REFRESH_COOKIE)?.value;
  if (!refresh || !needsRefresh(access, Date.now() / 1000)) return intl(request);

  const tokens = await refreshOnce.run(refresh, request.headers.get("x-forwarded-for"));
  // This request renders with the new token (or signed out), like the browser will.
  if (tokens) request.cookies.set(ACCESS_COOKIE, tokens.accessToken);
  else request.cookies.delete([ACCESS_COOKIE, REFRESH_COOKIE]);
  const response = intl(request);
  const forwarded = NextResponse.next({ request: { headers: request.headers } });
  forwarded.headers.forEach((value, name) => {
    if (name.startsWith("x-middleware-request-") || name === "x-middleware-override-headers") {
      response.headers.set(name, value);
    }
  });
  if (tokens) writeSession(response.cookies, tokens, isHttps(request.headers, request.url));
  else clearSession(response.cookies);
  return response;
}

export const config = {
  // Pages only: not Next's assets, files with an extension, or the photo rewrite.
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
