// The whole journey across the three kinds of users: a new guest registers and books, a
// manager confirms in the back office, the owner sees the booking in the portal.

import { expect, test } from "@playwright/test";
import { unwrap } from "@sejour/sdk";
import { apiAs, day, eventually, fillBookingForm, screenshot, signIn } from "../fixtures";

test("register → book → a manager confirms → the owner sees it", async ({ page, browser }) => {
  test.setTimeout(90_000);
  // A property of the demo owner, free for the stay.
  const owner = await apiAs("owner");
  const managed = await unwrap(owner.GET("/api/v1/properties/managed", { params: { query: { limit: 100 } } }));
  const checkIn = day(340 + Math.floor(Math.random() * 20));
  const checkOut = day(365);
  const guest = await apiAs("guest");
  let property: (typeof managed.items)[number] | undefined;
  for (const candidate of managed.items.filter((p) => p.status === "published")) {
    const quote = await guest.GET("/api/v1/properties/{id}/quote", {
      params: { path: { id: candidate.id }, query: { checkIn, checkOut, adults: 2 } },
    });
    if (quote.data) {
      property = candidate;
      break;
    }
  }
  if (!property) throw new Error("no free property of the demo owner");

  await page.goto(`/fr/properties/${property.id}?checkIn=${checkIn}&checkOut=${checkOut}&adults=2`);
  await screenshot(page, "property");
  await page.getByRole("link", { name: "Réserver" }).click();
  await page.getByRole("link", { name: "Créer un compte" }).click();
  const lastName = `Durand-${Date.now()}`;
  await page.getByLabel("Prénom").fill("Camille");
  await page.getByLabel("Nom", { exact: true }).fill(lastName);
  await page.getByLabel("E-mail").fill(`${lastName.toLowerCase()}@example.com`);
  await page.getByLabel("Mot de passe").fill("a-long-and-unusual-passphrase-42");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Réserver ${property.name}`);
  await expect(page.getByLabel("Nom", { exact: true })).toHaveValue(lastName);
  await screenshot(page, "booking");
  await fillBookingForm(page);
  await expect(page.getByRole("status")).toContainText("Votre demande de réservation est enregistrée");
  await eventually(page, page.getByText("Réservation demandée"));
  await screenshot(page, "guest-reservation");

  // The manager confirms it.
  const staff = await browser.newPage();
  await signIn(staff, "manager");
  await staff.getByLabel("Recherche").fill(lastName);
  await staff.getByRole("button", { name: "Filtrer" }).click();
  await staff
    .getByRole("link", { name: `Camille ${lastName}` })
    .first()
    .click();
  await expect(staff.locator("main .badge")).toHaveText("En attente");
  await staff.getByRole("button", { name: "Confirmer", exact: true }).click();
  await expect(staff.locator("main .badge")).toHaveText("Confirmée");
  await screenshot(staff, "backoffice-reservation");

  // The guest sees it confirmed.
  await page.reload();
  await expect(page.locator("main .badge")).toHaveText("Confirmée");

  // The owner sees it, reduced (first name and head count), and on the calendar.
  const portal = await browser.newPage();
  await signIn(portal, "owner");
  const line = portal.locator("li.card", { hasText: property.name }).filter({ hasText: "Camille, 2 voyageurs" });
  await expect(line).toBeVisible();
  await expect(line).toContainText("Confirmée");
  await expect(portal.getByText(lastName)).toHaveCount(0);
  await screenshot(portal, "owner");
  await portal.getByRole("link", { name: property.name }).first().click();
  await expect(portal.getByRole("heading", { level: 1 })).toContainText(property.name);
  await portal.goto(`${new URL(portal.url()).pathname}?month=${checkIn.slice(0, 7)}`);
  await expect(portal.locator(`[data-day="${checkIn}"]`)).toHaveClass(/reservation/);
});
