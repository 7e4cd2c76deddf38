// The guest's own account: profile, password change, password reset from the emailed link,
// and cancelling a booking.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { eventually, fillBookingForm, freeStay, PASSWORD } from "../fixtures";

async function register(page: import("@playwright/test").Page) {
  const email = `acct-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;
  await page.goto("/fr/register");
  await page.getByLabel("Prénom").fill("Léa");
  await page.getByLabel("Nom", { exact: true }).fill("Petit");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(PASSWORD);
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page).toHaveURL(/\/fr\/account$/);
  return email;
}

/** The reset link of the last email sent to `to` (dev mode writes emails as .eml files). */
async function resetLink(to: string): Promise<string> {
  const dir = path.join(process.env.DEMO_API_DIR ?? "", "data", "mail");
  for (let attempt = 0; attempt < 100; attempt++) {
    for (const file of (await readdir(dir).catch(() => [])).sort().reverse()) {
      const text = (await readFile(path.join(dir, file), "utf8")).replace(/=\r?\n/g, "").replace(/=3D/g, "=");
      const link = text.match(/https?:\/\/\S*\/reset-password\?token=[A-Za-z0-9_-]+/)?.[0];
      if (text.includes(to) && link) return link;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no reset email for ${to} in ${dir}`);
}

test("profile and password", async ({ page }) => {
  await register(page);
  await page.getByRole("link", { name: "Mon profil" }).click();
  await page.getByLabel("Téléphone").fill("06 12");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByLabel("Téléphone")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Téléphone").fill("+33 6 12 34 56 78");
  await page.getByLabel("Langue de nos messages").selectOption("en");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("status")).toHaveText("Vos informations sont enregistrées.");
  await page.reload();
  await expect(page.getByLabel("Langue de nos messages")).toHaveValue("en");

  await page.getByLabel("Mot de passe actuel").fill("not-the-password-at-all");
  await page.getByLabel("Nouveau mot de passe").fill("another-long-passphrase-77");
  await page.getByRole("button", { name: "Changer le mot de passe" }).click();
  await expect(page.getByLabel("Mot de passe actuel")).toHaveAccessibleDescription(/mot de passe actuel est incorrect/);
  await page.getByLabel("Mot de passe actuel").fill(PASSWORD);
  await page.getByLabel("Nouveau mot de passe").fill("another-long-passphrase-77");
  await page.getByRole("button", { name: "Changer le mot de passe" }).click();
  await expect(page.getByRole("status")).toHaveText("Votre mot de passe est changé.");
});

test("a forgotten password is reset from the emailed link", async ({ page, context }) => {
  const email = await register(page);
  await context.clearCookies();
  await page.goto("/fr/sign-in");
  await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
  // The sign-in page has an "E-mail" field too: fill the new page's.
  await expect(page.getByRole("heading", { name: "Mot de passe oublié" })).toBeVisible();
  await page.getByRole("button", { name: "Recevoir un lien" }).click();
  await expect(page.getByLabel("E-mail")).toHaveAccessibleDescription("Indiquez votre e-mail.");
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("button", { name: "Recevoir un lien" }).click();
  await expect(page.getByRole("status")).toContainText("un lien vient de lui être envoyé");

  const link = new URL(await resetLink(email));
  await page.goto(`${link.pathname}${link.search}`);
  await expect(page).toHaveURL(/\/fr\/reset-password\?token=/);
  await page.getByLabel("Nouveau mot de passe").fill("a-brand-new-passphrase-55");
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(page.getByRole("status")).toContainText("Votre mot de passe est changé");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Mot de passe", { exact: true }).fill("a-brand-new-passphrase-55");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/fr\/account$/);

  // The link works once.
  await page.goto(`${link.pathname}${link.search}`);
  await page.getByLabel("Nouveau mot de passe").fill("yet-another-passphrase-99");
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "plus valable" })).toBeVisible();
});

test("a guest cancels their booking and sees the refund due", async ({ page }) => {
  const { property, checkIn, checkOut } = await freeStay(460);
  await register(page);
  await page.goto(`/fr/properties/${property.id}/book?checkIn=${checkIn}&checkOut=${checkOut}&adults=2`);
  await fillBookingForm(page);
  await expect(page.getByRole("status")).toBeVisible();
  await page.getByText("Annuler ma réservation").click();
  await expect(
    page.getByText(/Si vous annulez aujourd’hui, le remboursement dû est de [\d\s\u202f]+,\d\d\s€ \(Annulation/),
  ).toBeVisible();
  await page.getByLabel("Motif").fill("Change of plans");
  await page.getByRole("button", { name: "Annuler la réservation" }).click();
  await expect(page.locator("main .badge")).toHaveText("Annulée");
  await expect(page.getByText(/Remboursement dû : [\d\s\u202f]+,\d\d\s€/)).toBeVisible();
  await eventually(page, page.getByText("Réservation annulée"));
});
