// Staff desk: pending holds with their expiry, and every filter of the bookings list, kept
// from one page of results to the next.

import { expect, test } from "@playwright/test";
import { unwrap } from "@sejour/sdk";
import { apiAs, bookPending, day, propertiesFreeFor, signIn, tag } from "../fixtures";

/** Two pending bookings in one guest name, on two properties, the second ten days after the first. */
async function twoBookings(offset: number) {
  const first: [string, string] = [day(offset), day(offset + 4)];
  const second: [string, string] = [day(offset + 10), day(offset + 14)];
  const [a, b] = await propertiesFreeFor([first, second]);
  if (!a || !b) throw new Error("not two free demo properties");
  const lastName = `Filtre-${tag()}`;
  const early = await bookPending(a.id, ...first, lastName);
  const late = await bookPending(b.id, ...second, lastName);
  return { lastName, early: { ...early, name: a.name }, late: { ...late, name: b.name }, first, second };
}

test("the desk shows pending holds with their expiry; the list filters by property, owner, status and dates", async ({
  page,
}) => {
  const { lastName, early, late, second } = await twoBookings(400);
  const admin = await apiAs("admin");
  const property = await unwrap(admin.GET("/api/v1/properties/{id}", { params: { path: { id: early.propertyId } } }));
  const ownerId = property.owners?.[0]?.ownerId;

  await signIn(page, "admin");
  await expect(page).toHaveURL(/\/fr\/admin$/);
  const holds = page.getByTestId("holds");
  await expect(holds.getByRole("heading", { name: /En attente de confirmation/ })).toBeVisible();
  // Each hold with the instant it lapses.
  await expect(holds.getByRole("columnheader", { name: "Fin de l’option" })).toBeVisible();
  for (const booking of [early, late]) {
    const row = holds.getByRole("row").filter({ has: page.locator(`a[href$="/admin/reservations/${booking.id}"]`) });
    await expect(row).toContainText(`Zoé ${lastName}`);
    // The instant to the second (the API stores microseconds, its first answer had more digits).
    const lapses = await row.locator("time").getAttribute("datetime");
    expect(lapses?.slice(0, 19)).toBe(booking.holdExpiresAt?.slice(0, 19));
  }

  const rows = page.getByRole("table", { name: "Réservations" }).locator("tbody tr");
  await page.getByLabel("Recherche").fill(lastName);
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(rows).toHaveCount(2);

  // Property.
  await page.getByLabel("Bien", { exact: true }).selectOption(early.propertyId);
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(new RegExp(`propertyId=${early.propertyId}`));
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(early.name);
  await expect(page.getByLabel("Bien", { exact: true })).toHaveValue(early.propertyId);

  // Owner (of the first property): the first booking is among theirs.
  await page.getByLabel("Bien", { exact: true }).selectOption("");
  if (ownerId) {
    await page.getByLabel("Propriétaire", { exact: true }).selectOption(ownerId);
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL(new RegExp(`ownerId=${ownerId}`));
    await expect(rows.filter({ hasText: early.name }).first()).toBeVisible();
    await page.getByLabel("Propriétaire", { exact: true }).selectOption("");
  }

  // Status and dates: staying from the second stay's arrival leaves the second booking only.
  await page.getByLabel("Statut").selectOption("pending");
  await page.getByLabel("Séjours à partir du").fill(second[0]);
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(late.name);
  await expect(rows.first()).toContainText("En attente");
  // Arriving before the second stay leaves the first one only.
  await page.getByLabel("Séjours à partir du").fill("");
  await page.getByLabel("Arrivées avant le").fill(second[0]);
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(early.name);
  // Nothing confirmed in that name.
  await page.getByLabel("Statut").selectOption("confirmed");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByText("Aucun résultat.")).toBeVisible();
});

test("the filters stay in force on the next page of results", async ({ page }) => {
  const { lastName, early, late } = await twoBookings(430);
  await signIn(page, "manager");
  // One booking per page, to have a next page.
  await page.goto(`/fr/admin?q=${lastName}&status=pending&limit=1`);
  const rows = page.getByRole("table", { name: "Réservations" }).locator("tbody tr");
  await expect(rows).toHaveCount(1);
  const firstShown = (await rows.first().textContent()) ?? "";
  await page.getByRole("link", { name: "Plus de résultats" }).click();
  await expect(page).toHaveURL(/cursor=/);
  const url = new URL(page.url());
  expect(url.searchParams.get("q")).toBe(lastName);
  expect(url.searchParams.get("status")).toBe("pending");
  expect(url.searchParams.get("limit")).toBe("1");
  await expect(page.getByLabel("Recherche")).toHaveValue(lastName);
  await expect(page.getByLabel("Statut")).toHaveValue("pending");
  await expect(rows).toHaveCount(1);
  // Newest first: the second page has the other booking of the two.
  const other = firstShown.includes(late.name) ? early.name : late.name;
  await expect(rows.first()).toContainText(other);
  await expect(rows.first()).toContainText(lastName);
});
