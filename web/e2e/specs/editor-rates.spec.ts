// The property editor, rates: amounts typed the French way reach the API exactly, and the public
// quote follows them; seasons are rows added and removed in the page.
import { expect, test } from "@playwright/test";
import { unwrap } from "@sejour/sdk";
import { archiveMade, day, draftProperty, formAlert, makePublishable, signIn } from "../fixtures";

test.afterEach(archiveMade);

const spaces = (text: string | null) => (text ?? "").replace(/[\u00a0\u202f]/g, " ");

test("rates typed in French set the price of the public quote", async ({ page }) => {
  const { id, name, admin } = await draftProperty();
  await makePublishable(admin, id);
  await unwrap(admin.POST("/api/v1/properties/{id}/publish", { params: { path: { id } } }));

  await signIn(page, "admin");
  await page.goto(`/fr/admin/properties/${id}/rates`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);

  // The French way of writing numbers, checked before anything is sent.
  await page.getByLabel("Prix de la nuit", { exact: true }).fill("1234.50");
  await page.getByRole("button", { name: "Enregistrer les tarifs" }).click();
  await expect(page.getByText("Montant invalide : écrivez-le comme 1 234,50.")).toBeVisible();
  await expect(page.getByLabel("Prix de la nuit", { exact: true })).toHaveValue("1234.50");

  await page.getByLabel("Prix de la nuit", { exact: true }).fill("1 234,50");
  await page.getByLabel("Frais de ménage").fill("80");
  await page.getByLabel("Dépôt de garantie").fill("1 500");
  await page.getByLabel("Séjour minimum (nuits)").fill("2");
  await page.getByLabel("Réduction à la semaine (%)").fill("7,5");
  await page.getByLabel("Conditions d’annulation").selectOption("moderate");
  await page.getByRole("button", { name: "Enregistrer les tarifs" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Modifications enregistrées." })).toBeVisible();
  await expect(page.getByLabel("Prix de la nuit", { exact: true })).toHaveValue("1 234,50");

  const saved = await unwrap(admin.GET("/api/v1/properties/{id}", { params: { path: { id } } }));
  expect(saved.rates).toMatchObject({
    baseNightly: { amount: 123450, currency: "EUR" },
    cleaningFee: { amount: 8000 },
    securityDeposit: { amount: 150000 },
    defaultMinNights: 2,
    weeklyDiscountBp: 750,
    cancellationPolicy: "moderate",
  });

  // Two nights for two adults: 2 × 1 234,50 + 80 of cleaning + 2 × 2 × 1,00 of tourist tax.
  const checkIn = day(400);
  const checkOut = day(402);
  await page.goto(`/fr/properties/${id}?checkIn=${checkIn}&checkOut=${checkOut}&adults=2`);
  await expect(page.getByText(/2 nuits × 1\s234,50\s€/)).toBeVisible();
  expect(spaces(await page.getByTestId("quote-total").textContent())).toBe("2 553,00 €");
});

test("seasons are added and removed as rows, and a refused save keeps them", async ({ page }) => {
  const { id, admin } = await draftProperty();
  await makePublishable(admin, id);
  await signIn(page, "admin");
  await page.goto(`/fr/admin/properties/${id}/rates`);
  await expect(page.getByText("Aucune saison")).toBeVisible();

  await page.getByRole("button", { name: "Ajouter une saison" }).click();
  await page.getByRole("button", { name: "Ajouter une saison" }).click();
  await page.getByLabel("Nom de la saison 1").fill("Été");
  await page.getByLabel("Première nuit de la saison 1").fill("2027-07-03");
  await page.getByLabel("Fin de la saison 1").fill("2027-08-28");
  await page.getByLabel("Prix de la nuit, saison 1").fill("1 890");
  await page.getByLabel("Séjour minimum, saison 1 (nuits)").fill("7");
  await page.getByRole("group", { name: "Jours d’arrivée, saison 1" }).getByLabel("samedi").check();
  // The second season overlaps the first.
  await page.getByLabel("Nom de la saison 2").fill("Août");
  await page.getByLabel("Première nuit de la saison 2").fill("2027-08-01");
  await page.getByLabel("Fin de la saison 2").fill("2027-09-01");
  await page.getByLabel("Prix de la nuit, saison 2").fill("2 100");
  await page.getByRole("button", { name: "Enregistrer les tarifs" }).click();
  await expect(formAlert(page)).toContainText("Les saisons « Été » et « Août » se chevauchent.");
  await expect(page.getByLabel("Nom de la saison 2")).toHaveValue("Août");
  await expect(page.getByRole("group", { name: "Jours d’arrivée, saison 1" }).getByLabel("samedi")).toBeChecked();

  await page.getByRole("button", { name: "Retirer la saison 2" }).click();
  await expect(page.getByLabel("Nom de la saison 2")).toHaveCount(0);
  await page.getByRole("button", { name: "Enregistrer les tarifs" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Modifications enregistrées." })).toBeVisible();

  const saved = await unwrap(admin.GET("/api/v1/properties/{id}", { params: { path: { id } } }));
  expect(saved.rates?.seasons).toEqual([
    {
      name: "Été",
      dates: { start: "2027-07-03", end: "2027-08-28" },
      nightly: { amount: 189000, currency: "EUR" },
      minNights: 7,
      arrivalDays: ["Sat"],
    },
  ]);
  await page.reload();
  await expect(page.getByLabel("Prix de la nuit, saison 1")).toHaveValue("1 890,00");
});

test("the tourist tax regime is set in words and percentages", async ({ page }) => {
  const { id, admin } = await draftProperty();
  await signIn(page, "admin");
  await page.goto(`/fr/admin/properties/${id}/rates`);
  await page.getByLabel("Régime").selectOption("proportional");
  await page.getByLabel("Taux (%)").fill("5");
  await page.getByLabel("Plafond par adulte et par nuit").fill("4,60");
  await page.getByLabel("Taxe additionnelle départementale (%)").fill("10");
  await page.getByRole("button", { name: "Enregistrer la taxe de séjour" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Modifications enregistrées." })).toBeVisible();
  const saved = await unwrap(admin.GET("/api/v1/properties/{id}", { params: { path: { id } } }));
  expect(saved.touristTax).toEqual({
    regime: { kind: "proportional", rateBp: 500, capPerAdultNight: { amount: 460, currency: "EUR" } },
    departmentalSurchargeBp: 1000,
    regionalSurchargeBp: 0,
  });
});
