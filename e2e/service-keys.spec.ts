import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { openConsole, waitForApi } from "./console";
import { signInWithApi } from "./utils";

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.impact} ${v.id}: ${v.help}`);
}

test.describe("service keys", () => {
  test("an admin creates a key, sees its service as a reader of a default, and revokes it", async ({ page, request }) => {
    const name = `e2e-billing-${Date.now().toString(36)}`;
    const readAs = (secret: string) => request.get("/api/ai-model-config?provider=openai&type=flagship", { headers: { Authorization: `Bearer ${secret}` } });
    await signInWithApi(page);
    await openConsole(page);

    const listed = waitForApi(page, "/api/admin/keys");
    await page.getByRole("tab", { name: "Service keys" }).click();
    expect((await listed).status()).toBe(200);
    await expect(page.getByTestId("service-keys")).toBeVisible();

    // Create: the secret is shown once, with a warning and a copy button.
    await page.getByTestId("new-key").click();
    const dialog = page.getByTestId("create-key-dialog");
    await dialog.getByLabel("Service name").fill(name);
    const created = waitForApi(page, "/api/admin/keys", "POST");
    await dialog.getByRole("button", { name: "Create key" }).click();
    expect((await created).status()).toBe(201);
    await expect(dialog.getByTestId("new-key-secret")).toContainText("shown only this once");
    await expect(dialog.getByRole("button", { name: "Copy the secret" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    const secret = await dialog.getByTestId("secret-value").inputValue();
    expect(secret).toMatch(/^amm_sk_[A-Za-z0-9_-]{43}$/);
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(dialog).toBeHidden();
    const row = page.locator(`[data-testid="service-key"][data-name="${name}"]`);
    await expect(row).toHaveAttribute("data-revoked", "false");
    await expect(row).not.toContainText(secret.slice(11));
    expect(await seriousViolations(page)).toEqual([]);

    // The service reads a default with its key; the overview then names it beside that default.
    const answer = await readAs(secret);
    expect(answer.status()).toBe(200);
    const usage = waitForApi(page, "/api/admin/keys/usage");
    await page.reload(); // the console's usage answer predates the read
    expect((await usage).status()).toBe(200);
    const readBy = page.locator('[data-testid="overview"] [data-testid="read-by"][data-target="slot:openai:flagship"]');
    await expect(readBy).toHaveText(/read by \d+ services?/);
    await expect(readBy).toHaveAttribute("data-names", new RegExp(`(^|,)${name}(,|$)`));
    await readBy.hover();
    await expect(page.getByRole("tooltip")).toContainText(name);

    // Revoke, after a confirmation: the key is refused at once.
    await page.getByRole("tab", { name: "Service keys" }).click();
    await expect(row.getByTestId("key-reads")).toContainText("slot openai:flagship ×1");
    await row.getByRole("button", { name: `Revoke ${name}` }).click();
    const revoked = waitForApi(page, /^\/api\/admin\/keys\/[^/]+$/, "DELETE");
    await page.getByTestId("confirm-action").click();
    expect((await revoked).status()).toBe(200);
    await expect(row).toHaveAttribute("data-revoked", "true");
    await expect(row).toContainText("revoked");
    expect((await readAs(secret)).status()).toBe(401);
  });
});
