// The property an editor page shows, for staff only (others go to the sign-in page).
import type { PropertyDto } from "@sejour/sdk";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { api } from "@/lib/api";
import { requireRole } from "@/lib/guard";

export async function loadProperty(params: Promise<{ locale: string; id: string }>, section = "") {
  const { locale, id } = await params;
  setRequestLocale(locale);
  await requireRole(["admin", "manager"], `/admin/properties/${id}${section ? `/${section}` : ""}`);
  const client = await api();
  const { data } = await client.GET("/api/v1/properties/{id}", { params: { path: { id } } });
  if (!data) notFound();
  return { locale, id, client, property: data as PropertyDto };
}
