// Owners: their properties, the bookings of those, and a calendar that shows them.
import { expect, test } from "@playwright/test";
import { day, signIn } from "../fixtures";

test("an owner sees their properties and each one's calendar", async ({ page }) => {
  await signIn(page, "owner");
  await expect(page).toHaveURL(/\/fr\/owner$/);
  await expect(page.getByRole("heading", { name: "Mes biens", exact: true })).toBeVisible();
  const first = page.locator("a.card").first();
  const name = (await first.locator("strong").textContent()) ?? "";
  await first.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${name} — Calendrier`);
  await expect(page.locator(".calendar [data-day]").first()).toBeVisible();
});

test("an owner blocks their own stay on the calendar, then frees it", async ({ page }) => {
  await signIn(page, "owner");
  await page.locator("a.card").first().click();
  await expect(page.getByRole("heading", { name: "Bloquer mes dates" })).toBeVisible();
  const start = day(600 + Math.floor(Math.random() * 30));
  const end = day(640);
  await page.getByLabel("Première nuit").fill(start);
  await page.getByLabel("Fin").fill(end);
  await page.getByLabel("Note pour l’agence").fill("Vacances en famille");
  await page.getByRole("button", { name: "Bloquer ces dates" }).click();
  const mine = page.getByRole("region", { name: "Mes séjours bloqués" });
  await expect(mine).toContainText("Vacances en famille");
  await page.goto(`${new URL(page.url()).pathname}?month=${start.slice(0, 7)}`);
  await expect(page.locator(`[data-day="${start}"]`)).toHaveClass(/owner_stay/);
  await page
    .getByRole("button", { name: /^Débloquer/ })
    .first()
    .click();
  await expect(page.getByRole("region", { name: "Mes séjours bloqués" })).toHaveCount(0);
});
