// The property editor, calendar: blocks added and removed; iCal feeds with their health; the
// export link, served on this site.
import { expect, test } from "@playwright/test";
import { archiveMade, day, draftProperty, formAlert, signIn } from "../fixtures";

test.afterEach(archiveMade);

test("staff block dates and free them", async ({ page }) => {
  const { id } = await draftProperty();
  await signIn(page, "admin");
  await page.goto(`/fr/admin/properties/${id}/calendar`);
  await expect(page.getByText("Aucune période occupée")).toBeVisible();

  await page.getByLabel("Première nuit").fill(day(20));
  await page.getByLabel("Fin", { exact: true }).fill(day(27));
  await page.getByLabel("Motif").selectOption({ label: "Séjour propriétaire" });
  await page.getByLabel("Note interne").fill("Vacances de la famille");
  await page.getByRole("button", { name: "Bloquer ces dates" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Dates bloquées." })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "Vacances de la famille" });
  await expect(row).toContainText("Séjour propriétaire");

  // The same nights again: taken.
  await page.getByLabel("Première nuit").fill(day(22));
  await page.getByLabel("Fin", { exact: true }).fill(day(24));
  await page.getByRole("button", { name: "Bloquer ces dates" }).click();
  await expect(formAlert(page)).toContainText("Ces dates ne sont pas libres.");

  await row.getByRole("button", { name: /^Débloquer/ }).click();
  await expect(page.getByRole("row").filter({ hasText: "Vacances de la famille" })).toHaveCount(0);
  await expect(page.getByText("Aucune période occupée")).toBeVisible();
});

test("an iCal feed shows its health, and the export link is given to copy", async ({ page }) => {
  const { id } = await draftProperty();
  await signIn(page, "admin");
  await page.goto(`/fr/admin/properties/${id}/ical`);
  await expect(page.getByText("Aucun calendrier importé.")).toBeVisible();

  // A local address: accepted as a URL, refused when fetched (feeds never reach our network).
  await page.getByLabel("Nom", { exact: true }).fill("Airbnb");
  await page.getByLabel("Adresse du calendrier (.ics)").fill("http://127.0.0.1:9/calendar.ics");
  await page.getByRole("button", { name: "Importer", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Calendrier ajouté" })).toBeVisible();
  const feed = page.getByRole("listitem", { name: "Airbnb" });
  await expect(feed).toContainText("Jamais synchronisé");

  await feed.getByRole("button", { name: "Synchroniser Airbnb maintenant" }).click();
  await expect(formAlert(feed)).toContainText("réseau privé");
  await expect(feed).toContainText("En échec");
  await expect(feed.locator("dd.field-error")).toContainText("seuls les calendriers publics");

  await page.getByRole("button", { name: "Créer un lien d’export" }).click();
  const link = page.getByLabel("Lien d’export");
  await expect(link).toHaveValue(new RegExp(`/api/v1/properties/${id}/calendar\\.ics\\?token=[\\w-]+$`));
  const calendar = await page.request.get(await link.inputValue());
  expect(calendar.status()).toBe(200);
  expect(await calendar.text()).toContain("BEGIN:VCALENDAR");

  await feed.getByRole("button", { name: "Retirer le calendrier Airbnb" }).click();
  await expect(page.getByText("Aucun calendrier importé.")).toBeVisible();
});
