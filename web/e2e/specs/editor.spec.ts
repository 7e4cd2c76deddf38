// The property editor, details: staff create a property, edit it, and a stale edit is explained.
import { expect, test } from "@playwright/test";
import { unwrap } from "@sejour/sdk";
import { apiAs, archiveMade, draftProperty, formAlert, remember, signIn, uniqueName } from "../fixtures";

test.afterEach(archiveMade);

test("staff create a property, then edit its details and amenities", async ({ page }) => {
  const name = uniqueName("Chalet des Aiguilles");
  await signIn(page, "manager");
  await page.goto("/fr/admin/properties");
  await page.getByRole("link", { name: "Nouveau bien" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nouveau bien");

  await page.getByLabel("Nom", { exact: true }).fill(name);
  await page.getByLabel("Type de bien").selectOption({ label: "Chalet" });
  await page.getByLabel("Voyageurs au maximum").fill("6");
  await page.getByLabel("Chambres").fill("3");
  await page.getByLabel("Adresse", { exact: true }).fill("120 route des Praz");
  await page.getByLabel("Code postal").fill("74400");
  await page.getByLabel("Ville").fill("Chamonix-Mont-Blanc");
  await page.getByLabel("Latitude").fill("45,93,7");
  await page.getByLabel("Longitude").fill("6,8694");
  await page.getByLabel("Propriétaire (100 %)").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Créer le bien" }).click();

  // A mistake is marked beside its field; what was typed stays.
  const latitude = page.getByLabel("Latitude");
  await expect(latitude).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Indiquez des degrés décimaux")).toBeVisible();
  await expect(page.getByLabel("Nom", { exact: true })).toHaveValue(name);
  await latitude.fill("45,9237");
  await page.getByRole("button", { name: "Créer le bien" }).click();

  await expect(page).toHaveURL(/\/fr\/admin\/properties\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").at(-1) ?? "";
  remember(id);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.locator("main .badge").first()).toHaveText("Brouillon");
  await expect(page.getByTestId("missing")).toContainText("le numéro d’enregistrement");
  await expect(page.getByTestId("missing")).not.toContainText("les propriétaires");

  // Details.
  await page.getByLabel("Description (français)").fill("Chalet au pied des pistes, vue sur le Mont-Blanc.");
  await page.getByLabel("Voyageurs au maximum").fill("8");
  await page.getByLabel("Arrivée à partir de").fill("17:00");
  await page.getByLabel("Numéro d’enregistrement").fill("74056 000123 AB");
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page.getByRole("region", { name: "Fiche" }).getByRole("status")).toHaveText(
    "Modifications enregistrées.",
  );
  await expect(page.getByTestId("missing")).not.toContainText("le numéro d’enregistrement");

  // Amenities.
  await page.getByLabel("Wi-Fi").check();
  await page.getByLabel("Cheminée").check();
  await page.getByLabel("Autres équipements").fill("Local à skis chauffé");
  await page.getByRole("button", { name: "Enregistrer les équipements" }).click();
  await expect(page.getByRole("region", { name: "Équipements" }).getByRole("status")).toHaveText(
    "Modifications enregistrées.",
  );

  await page.reload();
  await expect(page.getByLabel("Wi-Fi")).toBeChecked();
  await expect(page.getByLabel("Cheminée")).toBeChecked();
  await expect(page.getByLabel("Piscine")).not.toBeChecked();
  await expect(page.getByLabel("Voyageurs au maximum")).toHaveValue("8");
  await expect(page.getByLabel("Arrivée à partir de")).toHaveValue("17:00");

  const admin = await apiAs("admin");
  const saved = await unwrap(admin.GET("/api/v1/properties/{id}", { params: { path: { id } } }));
  expect(saved.kind).toBe("chalet");
  expect(saved.capacity).toMatchObject({ maxGuests: 8, bedrooms: 3 });
  expect(saved.coordinates).toEqual({ lat: 45.9237, lng: 6.8694 });
  expect(saved.registrationNumber).toBe("74056000123AB");
  expect(saved.amenities.sort()).toEqual(["fireplace", "wifi"]);
  expect(saved.checkInTime).toBe("17:00:00");
  expect(saved.owners).toHaveLength(1);

  // The list leads to the editor.
  await page.goto(`/fr/admin/properties?q=${encodeURIComponent(name)}`);
  await page.getByRole("link", { name }).click();
  await expect(page).toHaveURL(new RegExp(`/fr/admin/properties/${id}$`));
});

test("a stale edit is explained and what was typed is kept", async ({ page }) => {
  const { id, admin } = await draftProperty();
  await signIn(page, "admin");
  await page.goto(`/fr/admin/properties/${id}`);
  await page.getByLabel("Nom", { exact: true }).fill("Mas des Cigales");

  // Someone else changes the property while the page is open.
  const current = await unwrap(admin.GET("/api/v1/properties/{id}", { params: { path: { id } } }));
  await unwrap(
    admin.PATCH("/api/v1/properties/{id}", {
      params: { path: { id }, header: { "If-Match": `"${current.version}"` } },
      body: { houseRules: "Non-fumeur." },
    }),
  );
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(formAlert(page).filter({ hasText: "modifié par quelqu’un d’autre" })).toBeVisible();
  await expect(page.getByLabel("Nom", { exact: true })).toHaveValue("Mas des Cigales");

  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Modifications enregistrées." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mas des Cigales");
  const saved = await unwrap(admin.GET("/api/v1/properties/{id}", { params: { path: { id } } }));
  expect(saved.name).toBe("Mas des Cigales");
});
