import { expect, test } from "@playwright/test";
import { openConsole, waitForApi } from "./console";
import { api, fake, signInWithApi } from "./utils";

// The two OpenAI models the suspect listing keeps: every other model an earlier listing confirmed vanishes.
const KEPT = [
  { id: "gpt-5", object: "model", created: 1754413200, owned_by: "system" },
  { id: "gpt-5-mini", object: "model", created: 1754413200, owned_by: "system" },
];

test.describe("a listing held by the vanish guard", () => {
  test.afterAll(async ({ request }) => {
    // Back to the full 2025 listing: the accepted models are listed again and come back.
    await fake.reset();
    await api(request).post("/api/ai-model-updater", { wait: true });
  });

  test("is shown with why, and an admin accepts it from the console", async ({ page, request }) => {
    const admin = api(request);
    await fake.reset();
    expect((await (await admin.post("/api/ai-model-updater", { wait: true })).json()).status).toBe("success");
    await fake.listing("openai", KEPT);
    const held = await (await admin.post("/api/ai-model-updater", { wait: true })).json();
    expect(held.status).toBe("partial");

    await signInWithApi(page);
    await openConsole(page);
    const card = page.locator('[data-testid="suspect-listing"][data-provider="openai"]');
    await expect(card).toBeVisible();
    await expect(card.getByTestId("suspect-missing")).toContainText("gpt-5-nano");
    await card.getByTestId("accept-listing").click();
    const accepted = waitForApi(page, "/api/admin/providers/openai/accept-listing", "POST");
    await page.getByTestId("accept-listing-dialog").getByTestId("confirm-action").click();
    expect((await accepted).status()).toBe(200);
    await expect(page.getByTestId("suspect-listings")).toBeHidden();

    const { models } = await admin.json<{ models: { model_name: string; is_active: boolean; deactivation_reason: string | null }[] }>(
      "/api/ai-model-config/all?provider=openai",
    );
    expect(models.find((m) => m.model_name === "gpt-5-nano")).toMatchObject({ is_active: false, deactivation_reason: "no longer listed" });
  });
});
