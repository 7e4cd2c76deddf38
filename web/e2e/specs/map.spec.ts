// Results on a map: one marker per rental, each leading to its page. Tiles are stubbed.
import { expect, test } from "@playwright/test";
import { freeStay } from "../fixtures";

const PIXEL = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

test("search results are on the map", async ({ page }) => {
  await page.route("**/tiles/**", (route) => route.fulfill({ contentType: "image/png", body: PIXEL }));
  const { checkIn, checkOut } = await freeStay(480);
  await page.goto(`/fr?checkIn=${checkIn}&checkOut=${checkOut}&guests=2`);
  const map = page.getByTestId("results-map");
  await expect(map).toBeVisible();
  const markers = map.locator("path.leaflet-interactive");
  await expect(markers.first()).toBeVisible();
  expect(await markers.count()).toBe(await page.locator("a.result").count());
  await markers.first().click({ force: true });
  const popup = map.locator(".leaflet-popup-content a");
  await expect(popup).toContainText("€");
  await popup.click();
  await expect(page).toHaveURL(/\/fr\/properties\//);
});
