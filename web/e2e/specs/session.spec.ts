// Tokens stay out of the page's JavaScript, and an expired access token is refreshed once,
// even when several tabs ask at the same time (refresh tokens are one-time).
import { expect, test } from "@playwright/test";
import { signIn } from "../fixtures";

test("session cookies are httpOnly and a refresh serves parallel tabs", async ({ page, context }) => {
  await signIn(page, "guest");
  const cookies = await context.cookies();
  const access = cookies.find((c) => c.name === "sj_at");
  const refresh = cookies.find((c) => c.name === "sj_rt");
  expect(access?.httpOnly).toBe(true);
  expect(refresh?.httpOnly).toBe(true);
  expect(await page.evaluate(() => document.cookie)).not.toContain("sj_");

  // The access token is gone (expired): three tabs load at once with the same refresh token.
  await context.clearCookies({ name: "sj_at" });
  const tabs = await Promise.all([context.newPage(), context.newPage(), context.newPage()]);
  await Promise.all(tabs.map((tab) => tab.goto("/fr/account")));
  for (const tab of tabs) {
    await expect(tab.getByRole("heading", { name: "Mes réservations" })).toBeVisible();
  }
  const renewed = await context.cookies();
  expect(renewed.find((c) => c.name === "sj_rt")?.value).not.toBe(refresh?.value);
  // Still signed in afterwards: the rotated token was not revoked by a second use.
  await page.goto("/fr/account");
  await expect(page.getByRole("heading", { name: "Mes réservations" })).toBeVisible();
});

test("signing out ends the session", async ({ page, context }) => {
  await signIn(page, "guest");
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
  expect((await context.cookies()).filter((c) => c.name.startsWith("sj_"))).toEqual([]);
});
