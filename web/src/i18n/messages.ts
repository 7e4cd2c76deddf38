// The messages of a language: one file per namespace under messages/<locale>/, so that each
// area of the app (and each later context) keeps its words in its own file.
import type { Locale } from "./routing";

const NAMESPACES = [
  "account",
  "admin",
  "amenities",
  "app",
  "auth",
  "board",
  "book",
  "editor",
  "errors",
  "owner",
  "payments",
  "problems",
  "property",
  "quote",
  "search",
  "status",
] as const;

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const files = await Promise.all(NAMESPACES.map((ns) => import(`../../messages/${locale}/${ns}.json`)));
  return Object.assign({}, ...files.map((file) => file.default));
}

export { NAMESPACES };
