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
    // The baseline: a complete 2025 listing. An earlier spec may have left the registry on the 2027 era, whose
    // models the 2025 listing drops: that switch is held too, so it is accepted first (404 where none waits).
    let baseline = (await (await admin.post("/api/ai-model-updater", { wait: true })).json()) as { status: string };
    if (baseline.status === "partial") {
      for (const p of ["openai", "anthropic", "google", "mistral"]) await admin.post(`/api/admin/providers/${p}/accept-listing`, {});
      baseline = (await (await admin.post("/api/ai-model-updater", { wait: true })).json()) as { status: string };
    }
    expect(baseline.status).toBe("success");
    await fake.listing("openai", KEPT);
    const held = await (await admin.post("/api/ai-model-updater", { wait: true })).json();
    expect(held.status).toBe("partial");

    await signInWithApi(page);
    await openConsole(page);
    const card = page.locator('[data-testid="suspect-listing"][data-provider="openai"]');
    await expect(card).toBeVisible();
    // The card names the missing models (the first ones, then "and N more"); gpt-5-nano is among them.
    const { listings } = await admin.json<{ listings: { provider: string; missing: { model_name: string }[] }[] }>("/api/admin/suspect-listings");
    const missing = listings.find((l) => l.provider === "openai")?.missing.map((m) => m.model_name) ?? [];
    expect(missing).toContain("gpt-5-nano");
    await expect(card.getByTestId("suspect-missing")).toContainText(missing[0]);
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
