import { expect, test } from "@playwright/test";
import { openConsole, waitForApi } from "./console";
import { api, signInWithApi } from "./utils";

interface Detail {
  model: { pricing: { input_per_mtok: number | null }; provenance: { pricing: { source: string } | null } };
  price_history: { input_per_mtok: number | null; source: string }[];
}

test.describe("registry truth in the model details", () => {
  test("shows where the price came from and its history, and an admin's price applies at once until cleared", async ({ page, request }) => {
    await signInWithApi(page);
    await openConsole(page);
    await page.getByLabel("Search").fill("gpt-5");
    const detail = waitForApi(page, /^\/api\/admin\/models\/[^/]+$/);
    await page.locator('[data-testid="model-row"][data-model-name="gpt-5"]').getByTestId("open-model").click();
    const opened = await detail;
    expect(opened.status()).toBe(200);
    const path = new URL(opened.url()).pathname;
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByTestId("provenance-pricing")).toHaveText(/^(models\.dev|litellm|catalog) · /);
    await expect(dialog.getByTestId("price-history").locator("li").first()).toBeVisible();

    const form = dialog.getByTestId("overrides-form");
    await form.getByLabel("Input $/MTok").fill("0.77");
    const saved = waitForApi(page, /\/overrides$/, "PUT");
    await form.getByRole("button", { name: "Save overrides" }).click();
    expect((await saved).status()).toBe(200);
    await expect(dialog.getByTestId("provenance-pricing")).toHaveText(/^admin · /);
    const overridden = await api(request).json<Detail>(path);
    expect(overridden.model).toMatchObject({ pricing: { input_per_mtok: 0.77 }, provenance: { pricing: { source: "admin" } } });
    expect(overridden.price_history[0]).toMatchObject({ input_per_mtok: 0.77, source: "admin" });

    await form.getByLabel("Input $/MTok").fill("");
    const cleared = waitForApi(page, /\/overrides$/, "PUT");
    await form.getByRole("button", { name: "Save overrides" }).click();
    expect((await cleared).status()).toBe(200);
    const back = (await api(request).json<Detail>(path)).model;
    expect(back.pricing.input_per_mtok).not.toBe(0.77);
    expect(back.provenance.pricing?.source).not.toBe("admin");
  });
});
