import { expect, test } from "@playwright/test";
import { choose, openConsole, shownCount, waitForApi } from "./console";
import { api, signInWithApi, signIn } from "./utils";

interface Row {
  id: string;
  provider: string;
  model_name: string;
  model_type: string;
  is_active: boolean;
  is_default: boolean;
  is_pinned: boolean;
  is_preview: boolean;
  needs_review: boolean;
  pricing: { input_per_mtok: number | null };
}

test.describe("model table", () => {
  test("signing in shows the registry with every provider's defaults", async ({ page, request }) => {
    const models = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/ai-model-config/all");
    await signIn(page);
    expect((await models).status()).toBe(200);
    const { count } = await api(request).json<{ count: number }>("/api/ai-model-config/all");
    await expect(page.getByTestId("model-count")).toHaveText(`Showing ${count} of ${count}`);
    const defaults = await api(request).json<{ providers: Record<string, Record<string, { model_name: string }>> }>(
      "/api/ai-model-config/providers",
    );
    for (const provider of ["openai", "anthropic", "google", "mistral"]) {
      await expect(page.getByTestId(`default-${provider}-flagship`)).toHaveText(defaults.providers[provider].flagship.model_name);
      await expect(page.getByTestId(`default-${provider}-fast`)).toHaveText(defaults.providers[provider].fast.model_name);
    }
  });

  test("the provider filter keeps only that provider's models", async ({ page }) => {
    await signInWithApi(page);
    await openConsole(page);
    const before = await shownCount(page);
    await choose(page, "filter-provider", "Anthropic");
    const after = await shownCount(page);
    expect(after.total).toBe(before.total);
    expect(after.shown).toBeGreaterThan(0);
    expect(after.shown).toBeLessThan(before.total);
    await expect(page.getByTestId("model-row")).toHaveCount(after.shown);
    const providers = await page.getByTestId("model-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-provider")));
    expect(new Set(providers)).toEqual(new Set(["anthropic"]));
  });

  test("search narrows the table, and a search without match says so and can be cleared", async ({ page }) => {
    await signInWithApi(page);
    await openConsole(page);
    const total = (await shownCount(page)).total;
    await page.getByLabel("Search").fill("gpt-5-mini");
    await expect(page.getByTestId("model-row").first()).toHaveAttribute("data-model-name", /gpt-5-mini/);
    const names = await page.getByTestId("model-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-model-name")));
    expect(names.every((n) => n?.includes("gpt-5-mini"))).toBe(true);

    await page.getByLabel("Search").fill("no-such-model-zzz");
    await expect(page.getByTestId("models-empty")).toContainText("No models match");
    await expect(page.getByTestId("model-count")).toHaveText(`Showing 0 of ${total}`);
    await page.getByTestId("clear-filters").click();
    await expect(page.getByTestId("model-count")).toHaveText(`Showing ${total} of ${total}`);
  });

  test("sorting by input price puts the dearest model first, and says so to assistive technology", async ({ page, request }) => {
    await signInWithApi(page);
    await openConsole(page);
    const { models } = await api(request).json<{ models: Row[] }>("/api/ai-model-config/all");
    const dearest = Math.max(...models.map((m) => m.pricing.input_per_mtok ?? -1));
    await page.getByTestId("sort-input").click();
    await expect(page.getByRole("columnheader", { name: /Input/ })).toHaveAttribute("aria-sort", "descending");
    const first = page.getByTestId("model-row").first();
    const price = await first.locator("td").nth(5).textContent();
    expect(Number(price?.replace(/[$,]/g, ""))).toBe(dearest);
  });

  test("a row opens its details with Enter: limits, aliases and the raw provider data", async ({ page }) => {
    await signInWithApi(page);
    await openConsole(page);
    await page.getByLabel("Search").fill("gpt-5");
    const row = page.locator('[data-testid="model-row"][data-model-name="gpt-5"]');
    const detail = waitForApi(page, /^\/api\/admin\/models\/[^/]+$/);
    await row.getByTestId("open-model").focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("heading", { name: "gpt-5" })).toBeVisible();
    expect((await detail).status()).toBe(200);
    await expect(dialog.getByTestId("model-facts")).toContainText("Context window");
    await expect(dialog.getByTestId("model-metadata")).toContainText("{");
    await expect(dialog.getByRole("heading", { name: "Default history" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
  });

  test("pinning a model makes the config API answer it, and unpinning gives the slot back to the rules' choice", async ({ page, request }) => {
    const admin = api(request);
    // A slot with a second eligible model; the seeded catalog has several (Anthropic's two flagships first).
    let target: Row | undefined;
    for (const [provider, tier] of [["anthropic", "flagship"], ["openai", "fast"], ["google", "fast"], ["mistral", "fast"]] as const) {
      const { models } = await admin.json<{ models: Row[] }>(`/api/ai-model-config/all?provider=${provider}&type=${tier}&active=true`);
      if (models.some((m) => m.is_pinned)) continue; // the rules' choice must be what unpinning restores
      target = models.find((m) => !m.is_default && !m.is_preview && !m.needs_review);
      if (target) break;
    }
    expect(target, "no provider and tier has a second active, reviewed, non-preview model to pin").toBeDefined();
    const { provider, model_type: tier } = target!;
    const slot = `/api/ai-model-config?provider=${provider}&type=${tier}`;
    const before = await admin.json<{ model_name: string }>(slot);
    expect(before.model_name).not.toBe(target!.model_name);

    await signInWithApi(page);
    await openConsole(page);
    await page.getByLabel("Search").fill(target!.model_name);
    await page.locator(`[data-testid="model-row"][data-model-name="${target!.model_name}"]`).getByTestId("open-model").click();
    const dialog = page.getByTestId("model-details");
    await dialog.getByTestId("pin-model").click();
    const pinned = waitForApi(page, `/api/admin/models/${target!.id}/pin`, "POST");
    await page.getByTestId("confirm-dialog").getByTestId("confirm-action").click();
    expect((await pinned).status()).toBe(200);
    await expect(page.getByText("Pinned", { exact: true }).first()).toBeVisible();
    await expect(dialog.getByTestId("badge-pinned")).toBeVisible();
    await expect(dialog.getByTestId("badge-default")).toBeVisible();
    await expect(page.getByTestId(`default-${provider}-${tier}`)).toHaveText(target!.model_name);

    const during = await admin.json<{ model_name: string }>(slot);
    expect(during.model_name).toBe(target!.model_name);

    await dialog.getByTestId("unpin-model").click();
    const unpinned = waitForApi(page, `/api/admin/models/${target!.id}/unpin`, "POST");
    await page.getByTestId("confirm-dialog").getByTestId("confirm-action").click();
    expect((await unpinned).status()).toBe(200);
    await expect(dialog.getByTestId("badge-pinned")).toBeHidden();
    await expect(dialog.getByTestId("pin-model")).toBeVisible();
    const row = (await admin.json<{ models: Row[] }>(`/api/ai-model-config/all?provider=${provider}&type=${tier}`)).models.find(
      (m) => m.id === target!.id,
    );
    expect(row?.is_pinned).toBe(false);
    const after = await admin.json<{ model_name: string }>(slot);
    expect(after.model_name).toBe(before.model_name);
    await expect(page.getByTestId(`default-${provider}-${tier}`)).toHaveText(before.model_name);
  });

  test("a failed action shows an error toast and changes nothing", async ({ page, request }) => {
    await signInWithApi(page);
    await openConsole(page);
    const { models } = await api(request).json<{ models: Row[] }>("/api/ai-model-config/all?active=true");
    const target = models.find((m) => !m.is_default && !m.is_pinned && m.model_type !== "legacy");
    expect(target).toBeDefined();
    await page.getByLabel("Search").fill(target!.model_name);
    await page.locator(`[data-testid="model-row"][data-model-name="${target!.model_name}"]`).getByTestId("open-model").click();
    // The session ends behind the console's back: the pin is refused with 401.
    await page.context().clearCookies();
    await page.getByTestId("model-details").getByTestId("pin-model").click();
    const pinned = waitForApi(page, /\/pin$/, "POST");
    await page.getByTestId("confirm-dialog").getByTestId("confirm-action").click();
    expect((await pinned).status()).toBe(401);
    await expect(page.getByText("Could not pin the model").first()).toBeVisible();
    const after = (await api(request).json<{ models: Row[] }>("/api/ai-model-config/all?active=true")).models.find((m) => m.id === target!.id);
    expect(after).toMatchObject({ is_default: false, is_pinned: false });
  });

  test("when the session ends, a panel says so with Retry, and Retry loads it once signed in again", async ({ page }) => {
    await signInWithApi(page);
    await openConsole(page);
    await page.context().clearCookies();
    const refused = waitForApi(page, /^\/api\/admin\/models\/[^/]+$/);
    await page.getByTestId("open-model").first().click();
    expect((await refused).status()).toBe(401);
    const dialog = page.getByTestId("model-details");
    const error = dialog.getByTestId("error-state");
    await expect(error).toContainText("Your session has ended", { timeout: 15_000 });
    await expect(error.getByRole("link", { name: "Sign in again" })).toHaveAttribute("href", "/login?next=/admin");

    await signInWithApi(page);
    const loaded = waitForApi(page, /^\/api\/admin\/models\/[^/]+$/);
    await error.getByRole("button", { name: "Retry" }).click();
    expect((await loaded).status()).toBe(200);
    await expect(dialog.getByTestId("error-state")).toHaveCount(0);
    await expect(dialog.getByRole("heading", { name: "Default history" })).toBeVisible();
  });

  test("allowing preview defaults for a provider is saved and shown, and can be turned off again", async ({ page, request }) => {
    await signInWithApi(page);
    await openConsole(page);
    const toggle = page.getByTestId("preview-defaults-google");
    await expect(toggle).toHaveAttribute("aria-checked", "false");
    for (const allow of [true, false]) {
      const saved = waitForApi(page, "/api/admin/settings", "PATCH");
      await toggle.click();
      expect((await saved).status()).toBe(200);
      await expect(toggle).toHaveAttribute("aria-checked", String(allow));
      const { providers } = await api(request).json<{ providers: Record<string, { allow_preview_defaults: boolean }> }>("/api/admin/settings");
      expect(providers.google.allow_preview_defaults).toBe(allow);
    }
    await expect(page.getByText(/Google: previews not allowed as defaults/).first()).toBeVisible();
  });
});
