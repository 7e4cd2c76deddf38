// Staff: today's desk, the list, and confirming a booking someone else changed meanwhile.

import { expect, test } from "@playwright/test";
import { unwrap } from "@sejour/sdk";
import { apiAs, bookPending, freeStay, signIn, tag } from "../fixtures";

async function pendingBooking(offset: number) {
  const lastName = `Martin-${tag()}`;
  const { property, checkIn, checkOut } = await freeStay(offset);
  const reservation = await bookPending(property.id, checkIn, checkOut, lastName);
  return { reservation, property, lastName };
}

test("staff confirm a booking; a stale page gets a message and the fresh version", async ({ page }) => {
  const { reservation, lastName } = await pendingBooking(320);
  await signIn(page, "admin");
  await expect(page).toHaveURL(/\/fr\/admin$/);
  await page.getByLabel("Recherche").fill(lastName);
  await page.getByRole("button", { name: "Filtrer" }).click();
  // The list's link (the desk's pending holds name the booking too).
  await page
    .getByRole("table", { name: "Réservations" })
    .getByRole("link", { name: `Zoé ${lastName}` })
    .click();
  await expect(page).toHaveURL(new RegExp(`/fr/admin/reservations/${reservation.id}$`));
  await expect(page.locator("main .badge")).toHaveText("En attente");

  // Someone else changes the booking while the page is open.
  const admin = await apiAs("admin");
  await unwrap(
    admin.PATCH("/api/v1/reservations/{id}", {
      params: { path: { id: reservation.id }, header: { "If-Match": `"${reservation.version}"` } },
      body: { notes: "Arrivée tardive" },
    }),
  );
  await page.getByRole("button", { name: "Confirmer", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "modifiée par quelqu’un d’autre" })).toBeVisible();
  await expect(page.getByTestId("notes")).toHaveText("Arrivée tardive");

  await page.getByRole("button", { name: "Confirmer", exact: true }).click();
  await expect(page.locator("main .badge")).toHaveText("Confirmée");
});

test("the back office lists properties, owners and users", async ({ page }) => {
  await signIn(page, "admin");
  await page.getByRole("link", { name: "Biens" }).click();
  await expect(page.getByRole("heading", { name: "Biens" })).toBeVisible();
  await expect(page.locator("tbody tr").first()).toBeVisible();
  await page.getByRole("link", { name: "Propriétaires" }).click();
  await expect(page.locator("tbody tr").first()).toBeVisible();
  await page.getByRole("link", { name: "Utilisateurs" }).click();
  await expect(page.getByRole("cell", { name: "admin@demo.sejour.localhost" })).toBeVisible();
});

test("a guest cannot open the back office", async ({ page }) => {
  await signIn(page, "guest");
  await page.goto("/fr/admin");
  await expect(page).toHaveURL(/\/fr\/sign-in\?next=%2Fadmin/);
});
