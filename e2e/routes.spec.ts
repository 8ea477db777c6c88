import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { openConsole, waitForApi } from "./console";
import { api, signInWithApi } from "./utils";

interface Row {
  id: string;
  provider: string;
  model_name: string;
  model_type: string;
  is_default: boolean;
  is_pinned: boolean;
  is_preview: boolean;
  needs_review: boolean;
}

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.impact} ${v.id}: ${v.help}`);
}

test.describe("routes", () => {
  test("the Routes tab and its form, with a select step, have no serious accessibility violation", async ({ page }) => {
    await signInWithApi(page);
    await openConsole(page);
    const listed = waitForApi(page, "/api/admin/routes");
    await page.getByRole("tab", { name: "Routes" }).click();
    expect((await listed).status()).toBe(200);
    await expect(page.getByTestId("routes-loading")).toBeHidden();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "New route" }).click();
    const form = page.getByTestId("route-form");
    await form.getByLabel("Kind of step 1", { exact: true }).selectOption("select");
    await expect(form.getByTestId("route-step-0").getByLabel("Max input $/MTok", { exact: true })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    // The server judges the route: a bad figure comes back as its message, naming the field.
    await form.getByLabel("Name", { exact: true }).fill(`e2e-bad-${Date.now().toString(36)}`);
    await form.getByTestId("route-step-0").getByLabel("Max input $/MTok", { exact: true }).fill("cheap");
    const refused = waitForApi(page, "/api/admin/routes", "POST");
    await form.getByRole("button", { name: "Create route" }).click();
    expect((await refused).status()).toBe(400);
    await expect(form.getByTestId("route-form-error")).toContainText("max_input_price");
  });

  test("an admin creates a route and sees its preview change after pinning another model", async ({ page, request }) => {
    const admin = api(request);
    // A slot whose default is the rules' choice and which has a second eligible model to pin.
    let slot: { provider: string; tier: string; current: Row; other: Row } | undefined;
    for (const [provider, tier] of [["openai", "fast"], ["google", "fast"], ["mistral", "fast"], ["anthropic", "flagship"]] as const) {
      const { models } = await admin.json<{ models: Row[] }>(`/api/ai-model-config/all?provider=${provider}&type=${tier}&active=true`);
      const current = models.find((m) => m.is_default && !m.is_pinned);
      const other = models.find((m) => !m.is_default && !m.is_pinned && !m.is_preview && !m.needs_review);
      if (current && other) {
        slot = { provider, tier, current, other };
        break;
      }
    }
    expect(slot, "no slot has a second active, reviewed, non-preview model").toBeDefined();
    const { provider, tier, current, other } = slot!;
    const name = `e2e-${Date.now().toString(36)}`;

    try {
      await signInWithApi(page);
      await openConsole(page);
      const listed = waitForApi(page, "/api/admin/routes");
      await page.getByRole("tab", { name: "Routes" }).click();
      expect((await listed).status()).toBe(200);
      const manager = page.getByTestId("routes-manager");
      await expect(manager.getByTestId("routes-loading")).toBeHidden();

      // A route: a model nobody knows (skipped when resolving), then the slot.
      await manager.getByRole("button", { name: "New route" }).click();
      const form = page.getByTestId("route-form");
      await form.getByLabel("Name", { exact: true }).fill(name);
      await form.getByLabel("Description", { exact: true }).fill("Browser test route");
      await form.getByLabel("Kind of step 1", { exact: true }).selectOption("model");
      await form.getByLabel("Model (provider/model name)", { exact: true }).fill(`${provider}/no-such-model`);
      await form.getByRole("button", { name: "Add step" }).click();
      await form.getByTestId("route-step-1").getByLabel("Slot", { exact: true }).selectOption(`${provider}:${tier}`);
      const created = waitForApi(page, "/api/admin/routes", "POST");
      await form.getByRole("button", { name: "Create route" }).click();
      expect((await created).status()).toBe(201);
      await expect(form).toBeHidden();

      const item = page.getByTestId(`route-${name}`);
      await expect(item.getByTestId("route-resolved")).toHaveText(current.model_name);
      await expect(item.getByTestId("route-chain-step").first()).toContainText(`skipped: unknown model ${provider}/no-such-model`);
      expect((await admin.json<{ model_name: string }>(`/api/ai-model-config/routes/${name}`)).model_name).toBe(current.model_name);

      // Pin another model of the slot in the models tab; the route's preview follows.
      await page.getByRole("tab", { name: "AI Models" }).click();
      await page.getByLabel("Search").fill(other.model_name);
      await page.locator(`[data-testid="model-row"][data-model-name="${other.model_name}"]`).getByTestId("open-model").click();
      const dialog = page.getByTestId("model-details");
      await dialog.getByTestId("pin-model").click();
      const pinned = waitForApi(page, `/api/admin/models/${other.id}/pin`, "POST");
      await page.getByTestId("confirm-dialog").getByTestId("confirm-action").click();
      expect((await pinned).status()).toBe(200);
      await expect(dialog.getByTestId("badge-pinned")).toBeVisible();
      await dialog.getByRole("button", { name: "Close", exact: true }).click();
      await expect(dialog).toBeHidden();

      const relisted = waitForApi(page, "/api/admin/routes");
      await page.getByRole("tab", { name: "Routes" }).click();
      expect((await relisted).status()).toBe(200);
      await expect(item.getByTestId("route-resolved")).toHaveText(other.model_name);
      expect((await admin.json<{ model_name: string }>(`/api/ai-model-config/routes/${name}`)).model_name).toBe(other.model_name);

      // Deleting it: services get 404 from then on.
      await item.getByRole("button", { name: `Delete route ${name}` }).click();
      const deleted = waitForApi(page, `/api/admin/routes/${name}`, "DELETE");
      await page.getByTestId("confirm-dialog").getByTestId("confirm-action").click();
      expect((await deleted).status()).toBe(200);
      await expect(item).toBeHidden();
      expect((await admin.get(`/api/ai-model-config/routes/${name}`)).status()).toBe(404);
    } finally {
      await admin.post(`/api/admin/models/${other.id}/unpin`);
      await admin.delete(`/api/admin/routes/${name}`);
    }
  });
});
