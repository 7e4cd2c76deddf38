// What the specs share: signing in through the page, days ahead, and an API client to arrange data.

import { deflateSync } from "node:zlib";
import { expect, type Locator, type Page } from "@playwright/test";
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

/** A small real PNG (a gradient), made here: the API reads the type from the content. */
export function png(width = 64, height = 48): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB
  const rows = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      rows.set([(x * 4) & 0xff, (y * 5) & 0xff, 160], y * (1 + width * 3) + 1 + x * 3);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A unique property name, so that specs find their own. */
export const uniqueName = (base: string) => `${base} ${Math.random().toString(36).slice(2, 8)}`;

/** The properties a spec made, archived after each test (passed or not) by `archiveMade`. */
const made = new Set<string>();
export const remember = (id: string) => made.add(id);

/** Takes the properties a test made off the catalogue, so that other specs never pick them. */
export async function archiveMade() {
  const admin = await apiAs("admin");
  for (const id of made) await admin.POST("/api/v1/properties/{id}/archive", { params: { path: { id } } });
  made.clear();
}

/** A draft property made through the API, with nothing publishing needs. */
export async function draftProperty(name = uniqueName("Maison d’essai")) {
  const admin = await apiAs("admin");
  const { id } = await unwrap(
    admin.POST("/api/v1/properties", {
      body: {
        name,
        kind: "house",
        capacity: { maxGuests: 4, bedrooms: 2, beds: 2, bathrooms: 1 },
        address: { line1: "8 chemin des Vignes", postalCode: "84000", city: "Avignon", country: "FR" },
        coordinates: { lat: 43.9493, lng: 4.8055 },
      },
    }),
  );
  remember(id);
  return { id, name, admin };
}

/** Gives a property everything publishing needs (registration, a photo, rates, tax, an owner). */
export async function makePublishable(admin: SejourClient, id: string) {
  const owners = await unwrap(admin.GET("/api/v1/owners", { params: { query: { limit: 1 } } }));
  const owner = owners.items[0];
  if (!owner) throw new Error("no demo owner");
  const eur = (amount: number) => ({ amount, currency: "EUR" as const });
  const property = await unwrap(admin.GET("/api/v1/properties/{id}", { params: { path: { id } } }));
  await unwrap(
    admin.PATCH("/api/v1/properties/{id}", {
      params: { path: { id }, header: { "If-Match": `"${property.version}"` } },
      body: {
        registrationNumber: "84007000123AB",
        owners: [{ ownerId: owner.id, shareBp: 10_000 }],
        rates: {
          currency: "EUR",
          baseNightly: eur(10_000),
          cleaningFee: eur(0),
          securityDeposit: eur(0),
          extraGuestFeePerNight: eur(0),
          extraGuestThreshold: 4,
          defaultMinNights: 1,
          weeklyDiscountBp: 0,
          monthlyDiscountBp: 0,
          cancellationPolicy: "flexible",
          seasons: [],
        },
        touristTax: {
          regime: { kind: "fixedPerAdultNight", rate: eur(100) },
          departmentalSurchargeBp: 0,
          regionalSurchargeBp: 0,
        },
      },
    }),
  );
  await uploadPng(admin, id);
}

export async function uploadPng(admin: SejourClient, id: string, caption = "Façade") {
  return unwrap(
    admin.POST("/api/v1/properties/{id}/photos", {
      params: { path: { id } },
      body: { file: new Blob([new Uint8Array(png())], { type: "image/png" }), caption },
      bodySerializer: (body) => {
        const form = new FormData();
        form.append("file", body.file, "facade.png");
        if (body.caption) form.append("caption", body.caption);
        return form;
      },
    }),
  );
}

/** A form's error summary (not Next's route announcer, which is an empty alert too). */
export const formAlert = (scope: Page | Locator) => scope.getByRole("alert").and(scope.locator(".alert"));

/**
 * Waits for what a consumer of the outbox records a moment after the change (the booking's
 * history), reloading the page until it shows.
 */
export async function eventually(page: Page, locator: Locator, timeout = 30_000) {
  await expect(async () => {
    await page.reload();
    await expect(locator).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout });
}
