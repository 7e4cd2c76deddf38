// Paying a booking on the built-in gateway's page: the deposit paid confirms it and the card is
// kept (with consent) for the balance and the security deposit; staff photograph damage, which
// the guest sees; a declined card is explained and confirms nothing.
import { expect, test } from "@playwright/test";
import { eventually, freeStay, png, screenshot, signIn } from "../fixtures";

/** Books a free stay as the demo guest through the booking form; the booking's page. */
async function book(page: import("@playwright/test").Page, offset: number) {
  const { property, checkIn, checkOut } = await freeStay(offset);
  await signIn(page, "guest");
  await page.goto(`/fr/properties/${property.id}/book?checkIn=${checkIn}&checkOut=${checkOut}&adults=2`);
  await page.getByLabel("Téléphone").fill("+33612345678");
  await page.getByLabel("Adresse", { exact: true }).fill("12 rue des Lilas");
  await page.getByLabel("Code postal").fill("69003");
  await page.getByLabel("Ville").fill("Lyon");
  await page.getByRole("button", { name: "Confirmer la demande de réservation" }).click();
  await expect(page.getByRole("status")).toContainText("Votre demande de réservation est enregistrée");
}

test("a guest pays the deposit and the booking is confirmed", async ({ page, browser }) => {
  await book(page, 150);
  await page.getByRole("button", { name: /Payer (l’acompte|le séjour)/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Paiement sécurisé");
  await expect(page.getByTestId("checkout-amount")).toContainText("€");
  await screenshot(page, "checkout");
  await page.getByLabel("Numéro de carte").fill("4242 4242 4242 4242");
  // Kept for the balance and the security deposit, with the guest's consent.
  await page.getByLabel(/Conserver cette carte pour ma réservation/).check();
  await page.getByRole("button", { name: "Payer", exact: true }).click();
  await expect(page.getByRole("status").first()).toContainText("votre paiement est bien reçu");
  await eventually(page, page.getByText("Confirmée", { exact: true }));
  const booking = page.url().match(/reservations\/([0-9a-f-]{36})/)?.[1] ?? "";
  expect(booking).not.toBe("");
  await expect(page.getByTestId("payments")).toContainText("Payé");
  await expect(page.getByTestId("deposit")).toContainText("Carte conservée pour cette réservation : •••• 4242");
  await expect(page.getByText("Paiement reçu")).toBeVisible();
  // The payment's invoice, numbered, with its mentions.
  const invoice = page.getByRole("link", { name: /^Facture F\d{4}-\d{6}$/ });
  await eventually(page, invoice);
  const reference = ((await invoice.textContent()) ?? "").replace("Facture ", "");
  await invoice.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Facture ${reference}`);
  await expect(page.getByText("TVA non applicable")).toBeVisible();
  await expect(page.getByTestId("invoice-amount")).toContainText("€");
  await screenshot(page, "invoice");
  // Its PDF, through the site with the guest's session.
  const pdf = await page.request.get(
    (await page.getByRole("link", { name: "Télécharger le PDF" }).getAttribute("href")) ?? "",
  );
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // Staff find it in the invoice register.
  const staff = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  await signIn(staff, "manager");
  await staff.goto("/fr/admin/invoices");
  await expect(staff.getByRole("link", { name: `Facture ${reference}` })).toBeVisible();
  // The ledger holds the deposit until the stay ends.
  await staff.getByRole("link", { name: "Grand livre" }).click();
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText("Grand livre");
  await eventually(staff, staff.getByText(/Acomptes en attente d(’|')un séjour|Acomptes en attente de \d+ séjours/));
  await expect(staff.getByText("Compte séquestre (fonds mandants)")).toBeVisible();
  await expect(staff.getByText("Frais de carte (à la charge de l'agence)")).toBeVisible();

  // Staff keep a photo of damage with the security deposit; the guest sees it.
  await staff.goto(`/fr/admin/reservations/${booking}`);
  await staff.getByLabel("Photo (JPEG, PNG ou WebP)").setInputFiles({
    name: "vitre.png",
    mimeType: "image/png",
    buffer: png(),
  });
  await staff.getByLabel("Ce qu'elle montre").fill("Vitre de la cuisine fêlée");
  await staff.getByRole("button", { name: "Ajouter la photo" }).click();
  await expect(staff.getByRole("status").filter({ hasText: "Photo ajoutée" })).toBeVisible();
  await expect(staff.getByTestId("damage-photos").getByRole("img")).toHaveCount(1);
  await page.goto(`/fr/account/reservations/${booking}`);
  const photo = page.getByRole("img", { name: "Vitre de la cuisine fêlée" });
  await expect(photo).toBeVisible();
  expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
});

test("a declined card is explained and the booking stays pending", async ({ page }) => {
  await book(page, 170);
  await page.getByRole("button", { name: /Payer (l’acompte|le séjour)/ }).click();
  await page.getByLabel("Numéro de carte").fill("4242 4242 4242 4241");
  await page.getByRole("button", { name: "Payer", exact: true }).click();
  await expect(page.getByText("Ce numéro de carte n’est pas valide")).toBeVisible();
  await page.getByLabel("Numéro de carte").fill("4000 0000 0000 0002");
  await page.getByRole("button", { name: "Payer", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Le paiement a été refusé" })).toBeVisible();
  await page.getByRole("link", { name: "Retour à la réservation" }).click();
  await expect(page.getByText("En attente", { exact: true })).toBeVisible();
  await expect(page.getByTestId("payments")).toContainText("Refusé");
  // The deposit can be tried again.
  await expect(page.getByRole("button", { name: /Payer (l’acompte|le séjour)/ })).toBeVisible();
});
