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

/** A random tag for names that no other spec (or run) uses. */
export const tag = () => Math.random().toString(36).slice(2, 8);

/** Published properties for `guests` free for every one of these stays (`[checkIn, checkOut]`), in random order. */
export async function propertiesFreeFor(stays: [string, string][], guests = 2) {
  const api = await apiAs("guest");
  const pages = await Promise.all(
    stays.map(([checkIn, checkOut]) =>
      unwrap(api.GET("/api/v1/properties", { params: { query: { checkIn, checkOut, guests, limit: 100 } } })),
    ),
  );
  const [first, ...others] = pages;
  const free = (first?.items ?? []).filter((p) => others.every((page) => page.items.some((q) => q.id === p.id)));
  return free.sort(() => Math.random() - 0.5);
}

/** A pending booking by the demo guest, for two adults, in the guest name "Zoé {lastName}". */
export async function bookPending(propertyId: string, checkIn: string, checkOut: string, lastName: string) {
  const guest = await apiAs("guest");
  return unwrap(
    guest.POST("/api/v1/reservations", {
      body: {
        propertyId,
        checkIn,
        checkOut,
        adults: 2,
        guest: {
          firstName: "Zoé",
          lastName,
          email: "guest@demo.sejour.localhost",
          phone: "+33612345678",
          address: { line1: "3 quai Rambaud", postalCode: "69002", city: "Lyon", country: "FR" },
        },
      },
    }),
  );
}
