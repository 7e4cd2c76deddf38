// The property editor, photos: upload (a PNG made in the test), caption, order, delete; the
// thumbnails come from the API's resized variant through this site.
import { expect, test } from "@playwright/test";
import { unwrap } from "@sejour/sdk";
import { archiveMade, draftProperty, formAlert, png, signIn } from "../fixtures";

test.afterEach(archiveMade);

test("staff upload, caption, reorder and delete photos", async ({ page }) => {
  const { id, admin } = await draftProperty();
  await signIn(page, "admin");
  await page.goto(`/fr/admin/properties/${id}/photos`);
  await expect(page.getByText("Aucune photo pour l’instant.")).toBeVisible();
  await expect(page.getByTestId("missing")).toContainText("au moins une photo");

  // Not an image: refused in words.
  await page
    .getByLabel("Image")
    .setInputFiles({ name: "photo.jpg", mimeType: "image/jpeg", buffer: Buffer.from("MZ not an image") });
  await page.getByRole("button", { name: "Envoyer la photo" }).click();
  await expect(formAlert(page)).toContainText("n’est pas une image JPEG, PNG ou WebP");

  for (const caption of ["La terrasse", "Le salon"]) {
    await page.getByLabel("Image").setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: png() });
    await page.getByLabel("Légende", { exact: true }).fill(caption);
    await page.getByRole("button", { name: "Envoyer la photo" }).click();
    await expect(page.getByRole("img", { name: caption })).toBeVisible();
  }
  await expect(page.getByTestId("missing")).not.toContainText("au moins une photo");
  const first = page.getByRole("img", { name: "La terrasse" });
  await expect(first).toHaveAttribute("src", new RegExp(`^/api/v1/properties/${id}/photos/[0-9a-f-]+/resized$`));
  await expect
    .poll(() => first.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);

  // A caption.
  await page.getByRole("textbox", { name: "Légende de la photo 2" }).fill("Le salon et sa cheminée");
  await page.getByRole("button", { name: "Enregistrer la légende de la photo 2" }).click();
  await expect(page.getByRole("img", { name: "Le salon et sa cheminée" })).toBeVisible();

  // The second photo first.
  await page.getByRole("button", { name: "Avancer la photo 2" }).click();
  await expect(page.getByRole("listitem", { name: "Photo 1" }).getByRole("img")).toHaveAccessibleName(
    "Le salon et sa cheminée",
  );
  let photos = await unwrap(admin.GET("/api/v1/properties/{id}/photos", { params: { path: { id } } }));
  expect(photos.map((p) => p.caption)).toEqual(["Le salon et sa cheminée", "La terrasse"]);

  await page.getByRole("button", { name: "Supprimer la photo 2" }).click();
  await expect(page.getByRole("img", { name: "La terrasse" })).toHaveCount(0);
  photos = await unwrap(admin.GET("/api/v1/properties/{id}/photos", { params: { path: { id } } }));
  expect(photos.map((p) => p.caption)).toEqual(["Le salon et sa cheminée"]);
});
