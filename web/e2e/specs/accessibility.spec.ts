// An axe scan of the main pages: no serious or critical violation (WCAG 2.1 A and AA rules).
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { freeStay, signIn } from "../fixtures";

async function scan(page: Page, path: string) {
  await page.goto(path);
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    // Map tiles are third-party imagery.
    .exclude(".leaflet-tile-pane")
    .analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious).toEqual([]);
}

test("public pages", async ({ page }) => {
  const { property, checkIn, checkOut } = await freeStay(420);
  await scan(page, `/fr?checkIn=${checkIn}&checkOut=${checkOut}&guests=2`);
  await scan(page, `/en/properties/${property.id}?checkIn=${checkIn}&checkOut=${checkOut}&adults=2`);
  await scan(page, "/fr/sign-in");
  await scan(page, "/fr/register");
});

test("guest, owner and back-office pages", async ({ page, context }) => {
  const { property, checkIn, checkOut } = await freeStay(440);
  await signIn(page, "guest");
  await scan(page, `/fr/properties/${property.id}/book?checkIn=${checkIn}&checkOut=${checkOut}&adults=2`);
  await scan(page, "/fr/account");
  await scan(page, "/fr/account/profile");
  await context.clearCookies();
  await signIn(page, "owner");
  await scan(page, "/fr/owner");
  await context.clearCookies();
  await signIn(page, "admin");
  await scan(page, "/fr/admin");
  await scan(page, "/fr/admin/properties");
  await scan(page, "/fr/admin/board");
});
