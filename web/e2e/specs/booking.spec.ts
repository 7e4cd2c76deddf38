// The public site and the guest area: search, quote, sign in, book, see the booking.
import { expect, test } from "@playwright/test";
import { day, formAlert, freeStay, screenshot, signIn } from "../fixtures";

test("a guest searches, reads the quote, signs in and books", async ({ page }) => {
  const { property, checkIn, checkOut } = await freeStay(200);
  await page.goto("/");
  await expect(page).toHaveURL(/\/fr$/);
  await page.getByLabel("Ville").fill(property.city);
  await page.getByLabel("Arrivée").fill(checkIn);
  await page.getByLabel("Départ").fill(checkOut);
  await page.getByLabel("Voyageurs").fill("2");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page.getByRole("heading", { level: 2 })).toContainText(/location/);
  await screenshot(page, "search");
  await page
    .getByRole("link", { name: new RegExp(property.name) })
    .first()
    .click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(property.name);
  const total = page.getByTestId("quote-total");
  await expect(total).toContainText("€");
  await expect(page.getByText("Taxe de séjour")).toBeVisible();
  await page.getByRole("link", { name: "Réserver" }).click();

  // Not signed in: the sign-in page, then back to the booking form.
  await expect(page).toHaveURL(/\/fr\/sign-in\?next=/);
  await page.getByLabel("E-mail").fill("guest@demo.sejour.localhost");
  await page.getByLabel("Mot de passe").fill("demo-password-2026");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Réserver ${property.name}`);

  await page.getByLabel("Téléphone").fill("+33 6 12 34 56 78");
  await page.getByLabel("Adresse", { exact: true }).fill("12 rue des Lilas");
  await page.getByLabel("Code postal").fill("69003");
  await page.getByLabel("Ville").fill("Lyon");
  await page.getByRole("button", { name: "Confirmer la demande de réservation" }).click();

  await expect(page.getByRole("status")).toContainText("Votre demande de réservation est enregistrée");
  await expect(page.getByText("En attente")).toBeVisible();
  await expect(page.getByTestId("quote-total")).toHaveText((await total.textContent()) ?? "");

  await page.getByRole("link", { name: "Mes réservations" }).click();
  await expect(page.getByRole("link", { name: new RegExp(property.name) }).first()).toBeVisible();
});

test("without dates the whole catalogue is shown, each from its nightly price", async ({ page }) => {
  await page.goto("/en");
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(/^\d+ rentals?$/);
  const first = page.locator(".result").first();
  await expect(first).toContainText(/from €[\d,.]+ a night/);
  await expect(page.getByText("Add your dates to see only what is free")).toBeVisible();
  // A date without the other is explained in words, not an error page.
  await page.getByLabel("Check-in").fill(day(40));
  await page.getByRole("button", { name: "Search" }).click();
  await expect(formAlert(page)).toContainText("Give both an arrival and a departure date");
  // Opening a property from the catalogue asks for the dates there.
  await page.goto("/fr?sort=price");
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(/^\d+ locations?$/);
  const name = (await page.locator(".result h3").first().textContent()) ?? "";
  await page.locator(".result").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
});

test("dates taken meanwhile get a message, not an error page", async ({ page }) => {
  const { property, checkIn, checkOut } = await freeStay(230);
  await signIn(page, "guest");
  const form = `/fr/properties/${property.id}/book?checkIn=${checkIn}&checkOut=${checkOut}&adults=2`;
  const fill = async () => {
    await page.getByLabel("Téléphone").fill("+33612345678");
    await page.getByLabel("Adresse", { exact: true }).fill("1 place Bellecour");
    await page.getByLabel("Code postal").fill("69002");
    await page.getByLabel("Ville").fill("Lyon");
    await page.getByRole("button", { name: "Confirmer la demande de réservation" }).click();
  };
  await page.goto(form);
  await fill();
  await expect(page.getByRole("status")).toBeVisible();
  // A second booking form for the same dates (another tab opened before the first booking).
  await page.goto(form);
  await fill();
  await expect(page.getByRole("alert").filter({ hasText: "Ces dates viennent d’être réservées" })).toBeVisible();
});

test("wrong details are explained beside their fields", async ({ page }) => {
  const { property, checkIn, checkOut } = await freeStay(260);
  await signIn(page, "guest");
  await page.goto(`/fr/properties/${property.id}/book?checkIn=${checkIn}&checkOut=${checkOut}&adults=2`);
  await page.getByLabel("Téléphone").fill("06 12");
  await page.getByLabel("Adresse", { exact: true }).fill("1 place Bellecour");
  await page.getByLabel("Code postal").fill("69002");
  await page.getByLabel("Ville").fill("Lyon");
  await page.getByRole("button", { name: "Confirmer la demande de réservation" }).click();
  await expect(page.locator(".alert-error")).toBeVisible();
  const phone = page.getByLabel("Téléphone");
  await expect(phone).toHaveAttribute("aria-invalid", "true");
  await expect(phone).toHaveAccessibleDescription(/international/);
  // What was typed is kept.
  await expect(page.getByLabel("Ville")).toHaveValue("Lyon");
});

test("a stay in the past is refused with a sentence", async ({ page }) => {
  const { property } = await freeStay(280);
  await page.goto(`/fr/properties/${property.id}?checkIn=${day(-10)}&checkOut=${day(-5)}&adults=2`);
  await expect(page.getByRole("alert").filter({ hasText: "Ces dates sont passées" })).toBeVisible();
});
