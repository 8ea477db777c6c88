import { expect, test } from "@playwright/test";
import { openConsole, waitForApi } from "./console";
import { api, fake, PROVIDER_KEYS, signInWithApi } from "./utils";

interface Attention {
  items: { id: string; kind: string; target: { kind: string; model_id?: string; model_name?: string } }[];
}

test.describe("needs attention, at the top of the console", () => {
  test.afterAll(async ({ request }) => {
    // The full listing again: the model added for a finding goes inactive, no longer listed.
    await fake.reset();
    await api(request).post("/api/ai-model-updater", { wait: true });
  });

  test("shows a failing metadata source above the overview, links to its fix, and clears after a good refresh", async ({ page, request }) => {
    const admin = api(request);
    await fake.reset();
    await fake.metadataFault("models.dev", "500");
    expect((await admin.post("/api/admin/metadata/refresh", {})).status()).toBe(200);

    await signInWithApi(page);
    await openConsole(page);
    const panel = page.getByTestId("attention");
    await expect(panel).toBeVisible();
    // At the top: the panel comes before the overview in the page.
    const [panelBox, overviewBox] = [await panel.boundingBox(), await page.getByTestId("overview").boundingBox()];
    expect(panelBox!.y).toBeLessThan(overviewBox!.y);
    const item = panel.locator('[data-testid="attention-item"][data-id="metadata_source_failing:models.dev"]');
    await expect(item).toContainText("The metadata source models.dev is failing");
    await item.getByTestId("attention-fix").click();
    await expect(page).toHaveURL(/#metadata-sources$/);
    const source = page.locator('[data-testid="metadata-source"][data-source="models.dev"]');
    await expect(source.getByTestId("source-failing")).toBeVisible();

    await fake.metadataFault("models.dev", "none");
    const refreshed = waitForApi(page, "/api/admin/metadata/refresh", "POST");
    await page.getByTestId("refresh-metadata").click();
    expect((await refreshed).status()).toBe(200);
    await expect(item).toBeHidden();
    await expect(source.getByTestId("source-failing")).toBeHidden();
  });

  test("lists a model needing review and opens its details from the finding", async ({ page, request }) => {
    const admin = api(request);
    await fake.reset();
    // The fake's OpenAI listing plus a model no rule knows: discovery stores it as needing review.
    const listed = (await (await fetch(`${fake.url}/openai/v1/models`, { headers: { authorization: `Bearer ${PROVIDER_KEYS.openai}` } })).json()) as { data: unknown[] };
    await fake.listing("openai", [...listed.data, { id: "zeta-attention-1", object: "model", created: 1764547200, owned_by: "system" }]);
    expect((await admin.post("/api/ai-model-updater", { wait: true })).status()).toBe(200);
    const { items } = await admin.json<Attention>("/api/admin/attention");
    const finding = items.find((i) => i.kind === "needs_review" && i.target.model_name === "zeta-attention-1");
    expect(finding).toBeDefined();

    await signInWithApi(page);
    await openConsole(page);
    const item = page.locator(`[data-testid="attention-item"][data-id="${finding!.id}"]`);
    await expect(item).toContainText("zeta-attention-1 needs review");
    const detail = waitForApi(page, `/api/admin/models/${finding!.target.model_id}`);
    await item.getByTestId("attention-fix").click();
    expect((await detail).status()).toBe(200);
    await expect(page.getByRole("dialog")).toContainText("zeta-attention-1");
  });
});
