// The property editor, publishing: a refusal says in words what is missing; once complete,
// the property is published, taken off sale and archived from the same place.
import { expect, test } from "@playwright/test";
import { archiveMade, draftProperty, formAlert, makePublishable, signIn } from "../fixtures";

test.afterEach(archiveMade);

test("publishing is refused with what is missing, then the property is published", async ({ page }) => {
  const { id, admin } = await draftProperty();
  await signIn(page, "admin");
  await page.goto(`/fr/admin/properties/${id}`);
  await expect(page.locator("main .badge").first()).toHaveText("Brouillon");

  await page.getByRole("button", { name: "Publier" }).click();
  const refusal = formAlert(page);
  await expect(refusal).toContainText("Publication impossible");
  await expect(refusal).toContainText(
    "Il manque : le numéro d’enregistrement, au moins une photo, les tarifs, le régime de taxe de séjour et les propriétaires et leurs parts.",
  );

  await makePublishable(admin, id);
  await page.reload();
  await expect(page.getByText("Tout ce qu’il faut pour publier est là.")).toBeVisible();
  await page.getByRole("button", { name: "Publier" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Le bien est en ligne." })).toBeVisible();
  await expect(page.locator("main .badge").first()).toHaveText("En ligne");
  await expect(page.getByRole("link", { name: "Voir la page publique" })).toBeVisible();

  await page.getByRole("button", { name: "Retirer de la vente" }).click();
  await expect(page.locator("main .badge").first()).toHaveText("Brouillon");
  await page.getByRole("button", { name: "Archiver" }).click();
  await expect(page.locator("main .badge").first()).toHaveText("Archivée");
});

test("the editor is in English too", async ({ page }) => {
  const { id } = await draftProperty();
  await signIn(page, "admin", "en");
  await page.goto(`/en/admin/properties/${id}`);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(formAlert(page)).toContainText(
    "It still needs the registration number, at least one photo, rates, a tourist-tax regime, and owners and their shares.",
  );
  await page.goto(`/en/admin/properties/${id}/rates`);
  await page.getByLabel("Nightly price", { exact: true }).fill("1,234.50");
  await page.getByRole("button", { name: "Save the rates" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Changes saved." })).toBeVisible();
  await expect(page.getByLabel("Nightly price", { exact: true })).toHaveValue("1,234.50");
});
