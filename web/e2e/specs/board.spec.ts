// The planning board: every property a row, bookings as bars coloured by status, a link to each.
import { expect, test } from "@playwright/test";
import { bookPending, day, freeStay, screenshot, signIn, tag } from "../fixtures";

test("the board shows a pending booking on its property's row, linked to it", async ({ page }) => {
  const { property, checkIn, checkOut } = await freeStay(500);
  const lastName = `Board-${tag()}`;
  const reservation = await bookPending(property.id, checkIn, checkOut, lastName);
  await signIn(page, "manager");
  await page.getByRole("link", { name: "Planning" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Planning");
  // Every managed property has a row (the demo agency has about a dozen).
  expect(await page.locator(".board-row[data-property]").count()).toBeGreaterThan(5);

  await page.goto(`/fr/admin/board?from=${day(498)}`);
  const row = page.getByRole("region", { name: property.name });
  const bar = row.locator(".bar.reservation.pending", { hasText: lastName });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute("title", /En attente/);
  await bar.scrollIntoViewIfNeeded();
  await screenshot(page, "board");
  await bar.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/fr/admin/reservations/${reservation.id}$`));
});

test("the board filters properties and moves by two weeks", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/fr/admin/board");
  const first = (await page.locator(".board-row[data-property] .board-name a").first().textContent()) ?? "";
  await page.getByLabel("Filtrer les biens").fill(first);
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page.locator(".board-row[data-property]")).toHaveCount(1);
  await page.getByRole("link", { name: "2 semaines →" }).click();
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}/);
  await expect(page.locator(".board-row[data-property]")).toHaveCount(1);
});
