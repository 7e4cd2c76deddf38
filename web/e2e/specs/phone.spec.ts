// A phone-sized viewport: the public, guest and owner pages fit the screen and work by touch.
import { expect, type Page, test } from "@playwright/test";
import { fillBookingForm, freeStay, screenshot, signIn } from "../fixtures";

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

/** Nothing makes the page wider than the screen; names what sticks out when something does. */
async function fitsTheScreen(page: Page) {
  const { width, screen, offenders } = await page.evaluate(() => {
    const screen = document.documentElement.clientWidth;
    return {
      width: document.documentElement.scrollWidth,
      screen,
      offenders: [...document.querySelectorAll("body *")]
        // The map clips its own tiles and panes.
        .filter((e) => !e.closest(".leaflet-container") && e.getBoundingClientRect().right > screen + 1)
        .slice(0, 5)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`),
    };
  });
  expect(width, `wider than the screen: ${offenders.join(", ")}`).toBeLessThanOrEqual(screen);
}

test("search, quote and book on a phone", async ({ page }) => {
  const { property, checkIn, checkOut } = await freeStay(400);
  await page.goto(`/fr?city=${encodeURIComponent(property.city)}&checkIn=${checkIn}&checkOut=${checkOut}&guests=2`);
  await fitsTheScreen(page);
  await screenshot(page, "search-phone");
  await page
    .getByRole("link", { name: new RegExp(property.name) })
    .first()
    .tap();
  await expect(page.getByTestId("quote-total")).toContainText("€");
  await fitsTheScreen(page);
  await screenshot(page, "property-phone");
  await page.getByRole("link", { name: "Réserver" }).tap();
  await page.getByLabel("E-mail").fill("guest@demo.sejour.localhost");
  await page.getByLabel("Mot de passe").fill("demo-password-2026");
  await page.getByRole("button", { name: "Se connecter" }).tap();
  await fillBookingForm(page);
  await expect(page.getByRole("status")).toBeVisible();
  await fitsTheScreen(page);
});

test("the owner portal on a phone", async ({ page }) => {
  await signIn(page, "owner");
  await fitsTheScreen(page);
  await page.locator("a.card").first().tap();
  await expect(page.locator(".calendar [data-day]").first()).toBeVisible();
  await fitsTheScreen(page);
});
