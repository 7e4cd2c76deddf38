"use client";
// The same page in the other language (query string kept).
import { useSearchParams } from "next/navigation";
import { Link, usePathname } from "@/i18n/navigation";

export function LocaleSwitch({ label, other }: { label: string; other: "fr" | "en" }) {
  const pathname = usePathname();
  const query = Object.fromEntries(useSearchParams());
  return (
    <Link href={{ pathname, query }} locale={other} lang={other} hrefLang={other}>
      {label}
    </Link>
  );
}
