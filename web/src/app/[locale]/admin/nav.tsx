import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { currentUser } from "@/lib/api";

const SECTIONS = [
  { key: "reservations", href: "/admin", adminOnly: false },
  { key: "board", href: "/admin/board", adminOnly: false },
  { key: "properties", href: "/admin/properties", adminOnly: false },
  { key: "owners", href: "/admin/owners", adminOnly: false },
  { key: "invoices", href: "/admin/invoices", adminOnly: false },
  { key: "ledger", href: "/admin/ledger", adminOnly: false },
  { key: "users", href: "/admin/users", adminOnly: true },
  { key: "auditLog", href: "/admin/audit", adminOnly: true },
  { key: "deadLetters", href: "/admin/dead-letters", adminOnly: true },
] as const;

export type AdminSection = (typeof SECTIONS)[number]["key"];

/** The back office's sections (those for administrators only to them), the current one marked. */
export async function AdminNav({ current }: { current?: AdminSection }) {
  const [t, user] = await Promise.all([getTranslations("admin"), currentUser()]);
  const admin = user?.role === "admin";
  return (
    <nav aria-label={t("title")} className="tabs">
      {SECTIONS.filter((s) => admin || !s.adminOnly).map((s) => (
        <Link key={s.key} href={s.href} aria-current={current === s.key ? "page" : undefined}>
          {t(s.key)}
        </Link>
      ))}
    </nav>
  );
}
