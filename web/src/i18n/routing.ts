import { defineRouting } from "next-intl/routing";

/**
 * French first, English second; every URL names its language (`/fr/…`, `/en/…`), and `/`
 * goes to the visitor's language (French by default).
 */
export const routing = defineRouting({
  locales: ["fr", "en"],
  defaultLocale: "fr",
  localePrefix: "always",
});

export type Locale = (typeof routing.locales)[number];
