// Staff change a booking's dates, occupants and notes; a change based on a stale page is
// explained, keeps what was typed, and goes through once checked again, with the new price.

import { expect, test } from "@playwright/test";
import { unwrap } from "@sejour/sdk";
import { addDays } from "../../src/lib/format";
import { apiAs, bookPending, day, propertiesFreeFor, signIn, tag } from "../fixtures";

test("a stale change is explained with the input kept, then saved with the new total", async ({ page }) => {
  const checkIn = day(500);
  const checkOut = day(504);
  const longer = addDays(checkOut, 3);
  // Free for the booking and for the longer stay it becomes.
  const [property] = await propertiesFreeFor(
    [
      [checkIn, checkOut],
      [checkIn, longer],
    ],
    5,
  );
  if (!property) throw new Error("no free demo property");
  const lastName = `Change-${tag()}`;
  const reservation = await bookPending(property.id, checkIn, checkOut, lastName);

  await signIn(page, "admin");
  await page.goto(`/fr/admin/reservations/${reservation.id}`);
  const total = page.getByTestId("quote-total");
  const before = (await total.textContent()) ?? "";
  await expect(page.getByRole("heading", { name: "Modifier la réservation" })).toBeVisible();

  // Someone else changes the notes while the page is open.
  const admin = await apiAs("admin");
  await unwrap(
    admin.PATCH("/api/v1/reservations/{id}", {
      params: { path: { id: reservation.id }, header: { "If-Match": `"${reservation.version}"` } },
      body: { notes: "Arrivée tardive vers 22 h" },
    }),
  );

  await page.getByLabel("Départ").fill(longer);
  await page.getByLabel("Adultes").fill("3");
  await page.getByLabel("Âges des enfants").fill("4, 9");
  await page.getByRole("button", { name: "Enregistrer les modifications" }).click();

  const alert = page.getByRole("alert").filter({ hasText: "Quelqu’un d’autre a modifié cette réservation" });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("vos modifications sont restées dans le formulaire");
  // What was typed is still there; the page shows the other person's version (their notes).
  await expect(page.getByLabel("Départ")).toHaveValue(longer);
  await expect(page.getByLabel("Adultes")).toHaveValue("3");
  await expect(page.getByLabel("Âges des enfants")).toHaveValue("4, 9");
  await expect(page.getByTestId("notes")).toHaveText("Arrivée tardive vers 22 h");
  await expect(page.getByLabel("Notes")).toHaveValue("Arrivée tardive vers 22 h");
  await expect(total).toHaveText(before);

  await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
  const status = page.getByRole("status").filter({ hasText: "Réservation modifiée" });
  await expect(status).toBeVisible();
  await expect(total).not.toHaveText(before);
  const after = (await total.textContent()) ?? "";
  await expect(status).toContainText(`Nouveau total : ${after}`);
  await expect(page.getByText("3 adultes et 2 enfants")).toBeVisible();
  await expect(page.getByText("Âges des enfants : 4, 9")).toBeVisible();

  // The API agrees, and kept the other person's notes.
  const saved = await unwrap(admin.GET("/api/v1/reservations/{id}", { params: { path: { id: reservation.id } } }));
  expect(saved).toMatchObject({
    checkIn,
    checkOut: longer,
    adults: 3,
    children: [4, 9],
    notes: "Arrivée tardive vers 22 h",
  });
});

test("a change the rules refuse is explained beside the field, the input kept", async ({ page }) => {
  const checkIn = day(520);
  const checkOut = day(524);
  const [property] = await propertiesFreeFor([[checkIn, checkOut]]);
  if (!property) throw new Error("no free demo property");
  const reservation = await bookPending(property.id, checkIn, checkOut, `Refus-${tag()}`);
  await signIn(page, "manager");
  await page.goto(`/fr/admin/reservations/${reservation.id}`);
  await page.getByLabel("Adultes").fill("0");
  await page.getByLabel("Âges des enfants").fill("quatre");
  await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(page.getByLabel("Âges des enfants")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Indiquez des âges en nombres entiers")).toBeVisible();
  await page.getByLabel("Âges des enfants").fill("");
  await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(page.getByLabel("Adultes")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Il faut au moins un adulte.")).toBeVisible();
  await expect(page.getByLabel("Adultes")).toHaveValue("0");
});
