import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { type ReactNode, Suspense } from "react";
import { Link } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";
import { currentUser, isStaff } from "@/lib/api";
import { LocaleSwitch } from "./locale-switch";
import { signOut } from "./sign-in/actions";
import "../globals.css";

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "app" });
  return { title: { default: t("name"), template: `%s · ${t("name")}` }, description: t("tagline") };
}

export default async function LocaleLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const [t, user] = await Promise.all([getTranslations("app"), currentUser()]);
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider>
          <a className="skip" href="#main">
            {t("skip")}
          </a>
          <header className="header">
            <div className="header-inner">
              <Link className="brand" href="/">
                {t("name")}
              </Link>
              <nav aria-label="Menu">
                <ul className="nav">
                  <li>
                    <Link href="/">{t("nav.search")}</Link>
                  </li>
                  {user?.role === "guest" && (
                    <li>
                      <Link href="/account">{t("nav.account")}</Link>
                    </li>
                  )}
                  {user?.role === "owner" && (
                    <li>
                      <Link href="/owner">{t("nav.owner")}</Link>
                    </li>
                  )}
                  {isStaff(user) && (
                    <li>
                      <Link href="/admin">{t("nav.admin")}</Link>
                    </li>
                  )}
                  {user && (
                    <li>
                      <Link href="/account/profile">{t("nav.profile")}</Link>
                    </li>
                  )}
                  <li>
                    {user ? (
                      <form action={signOut}>
                        <button type="submit" className="link">
                          {t("nav.signOut")}
                        </button>
                      </form>
                    ) : (
                      <Link href="/sign-in">{t("nav.signIn")}</Link>
                    )}
                  </li>
                  <li>
                    <Suspense>
                      <LocaleSwitch label={t("switchTo")} other={locale === "fr" ? "en" : "fr"} />
                    </Suspense>
                  </li>
                </ul>
              </nav>
            </div>
          </header>
          <main id="main">{children}</main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
