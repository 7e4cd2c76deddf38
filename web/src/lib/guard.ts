// Pages that need a signed-in user of some roles: others go to the sign-in page and come back.
import { getLocale } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import { currentUser } from "./api";
import type { Claims, Role } from "./tokens";

export async function requireRole(roles: readonly Role[], back: string): Promise<Claims> {
  const user = await currentUser();
  if (!user || !roles.includes(user.role)) {
    return redirect({ href: { pathname: "/sign-in", query: { next: back } }, locale: await getLocale() });
  }
  return user;
}
