// A new guest creates an account, is told what is wrong first, then lands in their area.
import { expect, test } from "@playwright/test";

test("registering explains a short password, then signs the guest in", async ({ page }) => {
  const email = `new-${Date.now()}@example.com`;
  await page.goto("/fr/sign-in");
  await page.getByRole("link", { name: "Créer un compte" }).click();
  await page.getByLabel("Prénom").fill("Inès");
  await page.getByLabel("Nom", { exact: true }).fill("Moreau");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Mot de passe").fill("short");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByText("doit comporter au moins 10 caractères").first()).toBeVisible();
  await expect(page.getByLabel("E-mail")).toHaveValue(email);

  await page.getByLabel("Mot de passe").fill("a-long-and-unusual-passphrase-42");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page).toHaveURL(/\/fr\/account$/);
  await expect(page.getByText("Vous n’avez pas encore de réservation.")).toBeVisible();
});
