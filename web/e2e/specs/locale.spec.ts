// French first, English on demand; dates and money follow the language, and a calendar day
// stays the same day whatever the browser's time zone.

import { expect, test } from "@playwright/test";
import { unwrap } from "@sejour/sdk";
import { apiAs, freeStay } from "../fixtures";

const formatDay = (day: string, locale: string) =>
  new Intl.DateTimeFormat(locale, {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${day}T00:00:00Z`));

test.use({ timezoneId: "Pacific/Honolulu" });

test("the same page in English, with English dates and money", async ({ page }) => {
  const { property, checkIn, checkOut } = await freeStay(300);
  const quote = await unwrap(
    (await apiAs("guest")).GET("/api/v1/properties/{id}/quote", {
      params: { path: { id: property.id }, query: { checkIn, checkOut, adults: 2 } },
    }),
  );
  const due = quote.schedule.installments.at(-1)?.dueOn ?? "";
  await page.goto(`/fr/properties/${property.id}?checkIn=${checkIn}&checkOut=${checkOut}&adults=2`);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByTestId("quote-total")).toHaveText(/^[\d\s\u202f]+,\d\d\s€$/);
  await expect(page.getByText(formatDay(due, "fr-FR")).first()).toBeVisible();

  await page.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/properties/${property.id}\\?checkIn=${checkIn}`));
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: "Your stay" })).toBeVisible();
  await expect(page.getByTestId("quote-total")).toHaveText(/^€[\d,]+\.\d\d$/);
  await expect(page.getByText(formatDay(due, "en-GB")).first()).toBeVisible();
});
