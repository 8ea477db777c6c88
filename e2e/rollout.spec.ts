import { expect, test } from "@playwright/test";
import { openConsole, waitForApi } from "./console";
import { ADMIN_TOKEN, api, signInWithApi } from "./utils";

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

const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };

test.describe("safe rollout", () => {
  test("an admin approves a pending change and restores an earlier default", async ({ page, request }) => {
    const admin = api(request);
    // A slot with a second eligible model, whose default is the rules' own choice (not pinned).
    let slot: { provider: string; tier: string; best: Row; other: Row } | undefined;
    for (const [provider, tier] of [["openai", "fast"], ["anthropic", "flagship"], ["google", "fast"], ["mistral", "fast"]] as const) {
      const { models } = await admin.json<{ models: Row[] }>(`/api/ai-model-config/all?provider=${provider}&type=${tier}&active=true`);
      const best = models.find((m) => m.is_default && !m.is_pinned);
      const other = models.find((m) => !m.is_default && !m.is_pinned && !m.is_preview && !m.needs_review);
      if (best && other) {
        slot = { provider, tier, best, other };
        break;
      }
    }
    expect(slot, "no slot has a second active, reviewed, non-preview model").toBeDefined();
    const { provider, tier, best, other } = slot!;
    const slotPath = `/api/admin/slots/${provider}/${tier}`;

    try {
      // The slot holds another model (a pin), then the console puts it under the approve policy.
      expect((await admin.post(`/api/admin/models/${other.id}/pin`)).status()).toBe(200);
      await signInWithApi(page);
      await openConsole(page);
      const policySet = waitForApi(page, slotPath, "PUT");
      await page.getByTestId(`policy-${provider}-${tier}`).selectOption("approve");
      expect((await policySet).status()).toBe(200);

      // Unpinning asks the rules again: the best model is proposed, not moved.
      expect((await admin.post(`/api/admin/models/${other.id}/unpin`)).status()).toBe(200);
      expect((await admin.json<{ model_name: string }>(`/api/ai-model-config?provider=${provider}&type=${tier}`)).model_name).toBe(other.model_name);
      const pendingLoaded = waitForApi(page, "/api/admin/pending");
      await page.reload();
      expect((await pendingLoaded).status()).toBe(200);
      const card = page.locator(`[data-testid="pending-change"][data-slot="${provider}/${tier}"]`);
      await expect(card).toContainText(`${other.model_name} → ${best.model_name}`);
      await expect(card.getByTestId("pending-comparison")).toContainText("Input price");

      const approved = waitForApi(page, /^\/api\/admin\/pending\/[^/]+\/approve$/, "POST");
      await card.getByRole("button", { name: "Approve" }).click();
      expect((await approved).status()).toBe(200);
      await expect(card).toBeHidden();
      await expect(page.getByTestId(`default-${provider}-${tier}`)).toHaveText(best.model_name);

      // Restore on the history entry that replaced the other model puts it back, pinned.
      await page.getByLabel("Search").fill(best.model_name);
      await page.locator(`[data-testid="model-row"][data-model-name="${best.model_name}"]`).getByTestId("open-model").click();
      const dialog = page.getByTestId("model-details");
      await dialog.getByTestId("default-history").getByRole("button", { name: `Restore ${other.model_name}` }).first().click();
      const restored = waitForApi(page, `${slotPath}/restore`, "POST");
      await page.getByTestId("restore-dialog").getByTestId("confirm-action").click();
      expect((await restored).status()).toBe(200);
      await expect(page.getByTestId(`default-${provider}-${tier}`)).toHaveText(other.model_name);
      const now = await admin.json<{ models: Row[] }>(`/api/ai-model-config/all?provider=${provider}&type=${tier}`);
      expect(now.models.find((m) => m.id === other.id)).toMatchObject({ is_default: true, is_pinned: true });
      const detail = await admin.json<{ default_history: { reason: string; to_model: string }[] }>(`/api/admin/models/${other.id}`);
      expect(detail.default_history[0]).toMatchObject({ reason: "rollback", to_model: other.model_name });
    } finally {
      // Leave the slot as the other specs expect it: auto, and the rules' choice.
      await request.put(slotPath, { headers: auth, data: { policy: "auto" } });
      const rows = await admin.json<{ models: Row[] }>(`/api/ai-model-config/all?provider=${provider}&type=${tier}`);
      const pinned = rows.models.find((m) => m.is_pinned);
      if (pinned) await admin.post(`/api/admin/models/${pinned.id}/unpin`);
    }
  });
});
