// Staff: an owner's record (mandate, IBAN masked, linked account), an account's role and
// access, and the audit log finding a role change.

import { expect, type Page, test } from "@playwright/test";
import { type SejourClient, unwrap } from "@sejour/sdk";
import { apiAs, signIn, tag } from "../fixtures";

/** An owner of the demo agency linked to a user account (Claire Martin), as the admin API shows it. */
async function linkedOwner(admin: SejourClient) {
  const owners = await unwrap(admin.GET("/api/v1/owners", { params: { query: { limit: 100 } } }));
  const owner = owners.items.find((o) => o.userId && o.iban);
  if (!owner?.iban || !owner.userId) throw new Error("no demo owner with an IBAN and an account");
  const compact = owner.iban.replace(/\s+/g, "");
  return { owner, iban: owner.iban, masked: `${compact.slice(0, 4)} •••• •••• ${compact.slice(-4)}` };
}

/** A fresh account of role `guest`, made by the admin API. */
async function newUser(admin: SejourClient) {
  const lastName = `Rôle-${tag()}`;
  const created = await unwrap(
    admin.POST("/api/v1/users", {
      body: {
        email: `${lastName.toLowerCase().replace("ô", "o")}@example.org`,
        password: "correct-horse-battery-2026",
        firstName: "Rémi",
        lastName,
        role: "guest",
      },
    }),
  );
  return { id: created.id, lastName };
}

test("an owner's record shows the mandate, the address, the linked account and the IBAN masked", async ({ page }) => {
  const admin = await apiAs("admin");
  const { owner, iban, masked } = await linkedOwner(admin);

  await signIn(page, "admin");
  await page.getByRole("link", { name: "Propriétaires" }).click();
  await page.getByRole("link", { name: owner.displayName }).click();
  await expect(page).toHaveURL(new RegExp(`/fr/admin/owners/${owner.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: owner.displayName })).toBeVisible();
  await expect(page.getByTestId("iban")).toContainText(masked);
  await expect(page.getByTestId("iban")).toContainText(`se terminant par ${masked.slice(-4)}`);
  // The administrator's API answer has the IBAN in full: the page never does.
  const html = await page.content();
  expect(html).not.toContain(iban.replace(/\s+/g, ""));
  expect(html).not.toContain(iban);
  await expect(page.getByTestId("commission")).toContainText(String(owner.mandate.commissionBasisPoints / 100));
  await expect(page.getByRole("heading", { name: "Mandat de gestion" })).toBeVisible();
  await expect(page.getByText(owner.address.line1)).toBeVisible();
  const account = await unwrap(admin.GET("/api/v1/users/{id}", { params: { path: { id: owner.userId ?? "" } } }));
  await page.getByRole("link", { name: `${account.firstName} ${account.lastName} (${account.email})` }).click();
  await expect(page).toHaveURL(new RegExp(`/fr/admin/users/${owner.userId}$`));
  await expect(page.getByTestId("role")).toHaveText("Propriétaire");
});

test("a manager sees the owner's IBAN masked too, and no administrators' sections", async ({ page }) => {
  const { owner, masked } = await linkedOwner(await apiAs("admin"));
  await signIn(page, "manager");
  await page.goto(`/fr/admin/owners/${owner.id}`);
  await expect(page.getByTestId("iban")).toContainText(masked);
  const nav = page.getByRole("navigation", { name: "Back-office" });
  await expect(nav.getByRole("link", { name: "Propriétaires" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Journal d’audit" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Utilisateurs" })).toHaveCount(0);
  await page.goto("/fr/admin/audit");
  await expect(page).toHaveURL(/\/fr\/sign-in\?next=%2Fadmin%2Faudit/);
});

/** Opens an account from the users list, found by its name. */
async function openUser(page: Page, search: string, name: string) {
  await page.goto("/fr/admin/users");
  await page.getByLabel("Recherche").fill(search);
  await page.getByRole("button", { name: "Filtrer" }).click();
  await page.getByRole("table").getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

test("an administrator changes a role, disables and enables an account, but not their own", async ({ page }) => {
  const admin = await apiAs("admin");
  const { id, lastName } = await newUser(admin);
  await signIn(page, "admin");
  await openUser(page, lastName, `Rémi ${lastName}`);
  await expect(page.getByTestId("role")).toHaveText("Voyageur");

  const roleForm = page.getByRole("region", { name: "Changer le rôle" });
  await roleForm.getByLabel("Nouveau rôle").selectOption("manager");
  await roleForm.getByRole("button", { name: "Changer le rôle" }).click();
  await expect(roleForm.getByRole("status")).toHaveText("Rôle changé : Gestionnaire.");
  await expect(page.getByTestId("role")).toHaveText("Gestionnaire");
  await expect(roleForm.getByLabel("Nouveau rôle")).toHaveValue("manager");

  const access = page.getByRole("region", { name: "Accès" });
  await access.getByRole("button", { name: "Désactiver le compte" }).click();
  await expect(access.getByRole("status")).toHaveText("Compte désactivé.");
  await expect(page.getByTestId("account-status")).toHaveText("Désactivé");
  await access.getByRole("button", { name: "Réactiver le compte" }).click();
  await expect(access.getByRole("status")).toHaveText("Compte réactivé.");
  await expect(page.getByTestId("account-status")).toHaveText("Actif");
  const user = await unwrap(admin.GET("/api/v1/users/{id}", { params: { path: { id } } }));
  expect(user).toMatchObject({ role: "manager", disabled: false });

  // Their own account: refused, in words, the choice kept.
  await openUser(page, "admin@demo.sejour.localhost", "Admin Séjour");
  await roleForm.getByLabel("Nouveau rôle").selectOption("guest");
  await roleForm.getByRole("button", { name: "Changer le rôle" }).click();
  await expect(roleForm.getByRole("alert")).toContainText("Vous ne pouvez pas changer votre propre rôle");
  await expect(roleForm.getByLabel("Nouveau rôle")).toHaveValue("guest");
  await expect(page.getByTestId("role")).toHaveText("Administrateur");
  await access.getByRole("button", { name: "Désactiver le compte" }).click();
  await expect(access.getByRole("alert")).toContainText("Vous ne pouvez pas désactiver votre propre compte.");
  await expect(page.getByTestId("account-status")).toHaveText("Actif");
});

/** Paris wall-clock time `minutes` from now, as a `datetime-local` input takes it. */
const parisLocal = (minutes: number) =>
  new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Paris",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  })
    .format(new Date(Date.now() + minutes * 60_000))
    .replace(" ", "T");

test("the audit log finds a role change by action, object and time", async ({ page }) => {
  const admin = await apiAs("admin");
  const { id, lastName } = await newUser(admin);
  const since = parisLocal(-5);
  await unwrap(
    admin.PATCH("/api/v1/users/{id}", {
      params: { path: { id }, header: { "If-Match": '"1"' } },
      body: { role: "owner" },
    }),
  );

  await signIn(page, "admin");
  await page.getByRole("link", { name: "Journal d’audit" }).click();
  await expect(page.getByRole("heading", { name: "Journal d’audit" })).toBeVisible();

  // An object id without its type: refused, in words.
  await page.getByLabel("Identifiant de l’objet").fill(id);
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "indiquez aussi son type" })).toBeVisible();
  await expect(page.getByLabel("Identifiant de l’objet")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Action").fill("users.UserRoleChanged");
  await page.getByLabel("Type d’objet").fill("user");
  await page.getByLabel("Depuis (heure de Paris)").fill(since);
  const rows = page.locator("table tbody tr");
  // The audit trail records events as they are delivered: give it a moment.
  await expect(async () => {
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(rows).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page).toHaveURL(/action=users\.UserRoleChanged/);
  const row = rows.first();
  await expect(row).toContainText("users.UserRoleChanged");
  await expect(row.getByRole("link", { name: "Admin Séjour" })).toBeVisible();
  await row.getByText("Voir").click();
  await expect(row).toContainText('"to": "owner"');

  // Until before the change: nothing.
  await page.getByLabel("Depuis (heure de Paris)").fill("");
  await page.getByLabel("Jusqu’à (heure de Paris, exclue)").fill(since);
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByText("Aucun résultat.")).toBeVisible();
  await expect(rows).toHaveCount(0);

  // The object of a row leads to the account.
  await page.getByLabel("Jusqu’à (heure de Paris, exclue)").fill("");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await rows.first().getByRole("link", { name: id }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Rémi ${lastName}` })).toBeVisible();
  await expect(page.getByTestId("role")).toHaveText("Propriétaire");
});
