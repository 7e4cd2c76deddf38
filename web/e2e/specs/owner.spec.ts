// Owners: their properties, the bookings of those, and a calendar that shows them.
import { expect, test } from "@playwright/test";
import { signIn } from "../fixtures";

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
