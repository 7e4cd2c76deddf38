// What the specs share: signing in through the page, days ahead, and an API client to arrange data.

import { expect, type Page } from "@playwright/test";
import { createSejourClient, type SejourClient, unwrap } from "@sejour/sdk";

export const PASSWORD = "demo-password-2026";
export const email = (role: "admin" | "manager" | "owner" | "guest") => `${role}@demo.sejour.localhost`;

/** A day `days` from today as `YYYY-MM-DD`. */
export const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Signs in through the sign-in page (the cookies are httpOnly: no other way in). */
export async function signIn(page: Page, role: "admin" | "manager" | "owner" | "guest", locale = "fr") {
  await page.goto(`/${locale}/sign-in`);
  await page.getByLabel(locale === "fr" ? "E-mail" : "Email").fill(email(role));
  await page.getByLabel(locale === "fr" ? "Mot de passe" : "Password").fill(PASSWORD);
  await page.getByRole("button", { name: locale === "fr" ? "Se connecter" : "Sign in" }).click();
  await expect(page.getByRole("button", { name: locale === "fr" ? "Se déconnecter" : "Sign out" })).toBeVisible();
}

/** The API as a demo user, to arrange or check data. */
export async function apiAs(role: "admin" | "owner" | "guest"): Promise<SejourClient> {
  const baseUrl = process.env.SEJOUR_API_URL ?? "http://127.0.0.1:8080";
  const tokens = await unwrap(
    createSejourClient({ baseUrl }).POST("/api/v1/auth/login", { body: { email: email(role), password: PASSWORD } }),
  );
  return createSejourClient({ baseUrl, token: () => tokens.accessToken });
}

/** A free published property and a stay far enough ahead that no other spec takes it. */
export async function freeStay(offset: number) {
  const api = await apiAs("guest");
  const checkIn = day(offset);
  const checkOut = day(offset + 4);
  const page = await unwrap(
    api.GET("/api/v1/properties", { params: { query: { checkIn, checkOut, guests: 2, limit: 100 } } }),
  );
  const property = page.items.at(Math.floor(Math.random() * page.items.length));
  if (!property) throw new Error("no free demo property");
  return { property, checkIn, checkOut };
}

/** Fills and sends the booking form (the guest's name and email come from their account). */
export async function fillBookingForm(page: Page, phone = "+33612345678") {
  await page.getByLabel("Téléphone").fill(phone);
  await page.getByLabel("Adresse", { exact: true }).fill("12 rue des Lilas");
  await page.getByLabel("Code postal").fill("69003");
  await page.getByLabel("Ville").fill("Lyon");
  await page.getByRole("button", { name: "Confirmer la demande de réservation" }).click();
}

/** With UPDATE_SCREENSHOTS=1, saves the page for the README (docs/screenshots/NAME.png, 1280 px wide). */
export async function screenshot(page: Page, name: string) {
  if (process.env.UPDATE_SCREENSHOTS !== "1") return;
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `../docs/screenshots/${name}.png`, fullPage: false });
}
