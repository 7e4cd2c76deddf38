// Administrators: the dead letters (deliveries that failed for good), filtered by consumer,
// one by one, and replayed; the demo agency usually has none, which the page says in words.

import { expect, test } from "@playwright/test";
import { unwrap } from "@sejour/sdk";
import { apiAs, signIn } from "../fixtures";

test("the dead letters page lists, filters and replays (or says there are none)", async ({ page }) => {
  const admin = await apiAs("admin");
  const dead = await unwrap(admin.GET("/api/v1/admin/dead-letters", { params: { query: { limit: 1 } } }));

  await signIn(page, "admin");
  await page.getByRole("link", { name: "Lettres mortes" }).click();
  await expect(page).toHaveURL(/\/fr\/admin\/dead-letters$/);
  await expect(page.getByRole("heading", { level: 1, name: "Lettres mortes" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Lettres mortes" })).toHaveAttribute("aria-current", "page");

  const letter = dead.items[0];
  if (letter) {
    await page.getByRole("link", { name: `Ouvrir la lettre morte n° ${letter.id}` }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Lettre morte n° ${letter.id}` })).toBeVisible();
    await expect(page.getByText(letter.consumer).first()).toBeVisible();
    await page.getByRole("button", { name: "Rejouer la livraison" }).click();
    await expect(page).toHaveURL(new RegExp(`/fr/admin/dead-letters\\?replayed=${letter.id}$`));
    await expect(page.getByRole("status")).toContainText(`La livraison n° ${letter.id} est de nouveau en file`);
  } else {
    await expect(page.getByText("Aucune lettre morte : toutes les livraisons ont abouti.")).toBeVisible();
  }

  await page.getByLabel("Consommateur").fill("no.such-consumer");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/consumer=no\.such-consumer/);
  await expect(page.getByText("Aucune lettre morte pour le consommateur « no.such-consumer ».")).toBeVisible();
  await expect(page.getByLabel("Consommateur")).toHaveValue("no.such-consumer");

  // One that does not exist: the page says so (404), not an error.
  const missing = await page.goto("/fr/admin/dead-letters/999999999");
  expect(missing?.status()).toBe(404);
});

test("dead letters are for administrators only", async ({ page }) => {
  await signIn(page, "manager");
  await expect(page.getByRole("link", { name: "Lettres mortes" })).toHaveCount(0);
  await page.goto("/fr/admin/dead-letters");
  await expect(page).toHaveURL(/\/fr\/sign-in\?next=%2Fadmin%2Fdead-letters/);
});
