import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { fakeLatency, openConsole, waitForApi, waitForRunEnd } from "./console";
import { api, fake, signInWithApi } from "./utils";

const PROVIDERS = ["openai", "anthropic", "google", "mistral"];

test.describe("discovery from the console", () => {
  test.beforeEach(async ({ page }) => {
    await fake.reset();
    await signInWithApi(page);
  });
  test.afterAll(async () => {
    await fake.reset();
  });

  test("Discover models shows each provider's progress, then the result, and the run joins the history", async ({ page }) => {
    test.setTimeout(60_000); // two axe passes over the whole console, which grew (attention, routes, keys)
    const consoleErrors: string[] = [];
    page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
    page.on("pageerror", (e) => consoleErrors.push(e.message));
    await fakeLatency(1200);
    await openConsole(page);
    const started = waitForApi(page, "/api/ai-model-updater", "POST");
    await page.getByTestId("discover-button").click();
    const answer = await started;
    expect(answer.status()).toBe(202);
    const { run_id } = (await answer.json()) as { run_id: string };

    await expect(page.getByTestId("discover-button")).toBeDisabled();
    await expect(page.getByTestId("discover-run")).toHaveAttribute("data-run-id", run_id);
    await expect(page.locator('[data-testid="provider-progress"][data-state="listing"]').first()).toBeVisible();

    await expect(page.getByTestId("discover-run")).toHaveAttribute("data-status", "success", { timeout: 30_000 });
    for (const p of PROVIDERS) {
      await expect(page.locator(`[data-testid="provider-progress"][data-provider="${p}"]`)).toHaveAttribute("data-state", "done");
    }
    const summary = page.getByTestId("discover-run").getByTestId("run-summary");
    await expect(summary).toBeVisible();
    expect(Number(await summary.getByTestId("count-discovered").textContent())).toBeGreaterThan(0);
    await expect(page.getByTestId("discover-button")).toBeEnabled();
    await expect(page.getByText("Discovery finished", { exact: true }).first()).toBeVisible();

    const row = page.locator(`[data-testid="run-row"][data-run-id="${run_id}"]`);
    await expect(row).toHaveAttribute("data-status", "success");
    await expect(row).toContainText("Admin");
    await expect(row).toContainText("4/4");
    await row.getByTestId("toggle-run").click();
    await expect(row.getByTestId("toggle-run")).toHaveAttribute("aria-expanded", "true");
    const details = page.getByTestId("run-details");
    await expect(details.getByTestId("run-summary")).toBeVisible();
    await expect(details.locator('[data-testid="provider-progress"][data-state="done"]')).toHaveCount(4);

    // The result, the history and an expanded run pass axe too, in both colour schemes.
    for (const dark of [false, true]) {
      await page.evaluate((d) => document.documentElement.classList.toggle("dark", d), dark);
      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (dark: ${dark})`)).toEqual([]);
    }
    // No hydration mismatch, React error or failed request along the way.
    expect(consoleErrors).toEqual([]);
  });

  test("a failing provider shows as failed with its error while the others succeed", async ({ page }) => {
    await fake.fault("mistral", "401");
    await openConsole(page);
    const started = waitForApi(page, "/api/ai-model-updater", "POST");
    await page.getByTestId("discover-button").click();
    expect((await started).status()).toBe(202);

    const run = page.getByTestId("discover-run");
    await expect(run).toHaveAttribute("data-status", "partial", { timeout: 30_000 });
    const mistral = run.locator('[data-testid="provider-progress"][data-provider="mistral"]');
    await expect(mistral).toHaveAttribute("data-state", "failed");
    await expect(mistral.getByTestId("provider-message")).toContainText("401");
    for (const p of ["openai", "anthropic", "google"]) {
      await expect(run.locator(`[data-testid="provider-progress"][data-provider="${p}"]`)).toHaveAttribute("data-state", "done");
    }
    await expect(run.getByTestId("run-errors")).toContainText("Mistral");
    await expect(page.getByTestId("run-status").first()).toBeVisible();
    await expect(page.getByTestId("alert-banner").filter({ hasText: "missed providers" })).toHaveCount(0);
  });

  test("a run that reaches fewer than three of the four providers raises the coverage alert", async ({ page }) => {
    await fake.fault("mistral", "401");
    await fake.fault("google", "401");
    await openConsole(page);
    const alert = page.locator('[data-testid="alert-banner"][data-alert="low_provider_coverage"]');
    await expect(alert).toHaveCount(0);
    await page.getByTestId("discover-button").click();
    await expect(page.getByTestId("discover-run")).toHaveAttribute("data-status", "partial", { timeout: 30_000 });
    await expect(alert).toContainText("reached 2 of 4 providers");
    await expect(alert).toHaveAttribute("role", "alert");

    // The next complete run clears it.
    await fake.reset();
    await page.getByTestId("discover-button").click();
    await expect(page.getByTestId("discover-run")).toHaveAttribute("data-status", "success", { timeout: 30_000 });
    await expect(alert).toHaveCount(0);
  });

  test("starting while a run is under way follows that run instead (409)", async ({ page, request }) => {
    await openConsole(page);
    await fakeLatency(2500);
    const first = await api(request).post("/api/ai-model-updater", { wait: false });
    expect(first.status()).toBe(202);
    const { run_id } = (await first.json()) as { run_id: string };

    const second = waitForApi(page, "/api/ai-model-updater", "POST");
    await page.getByTestId("discover-button").click();
    const conflict = await second;
    expect(conflict.status()).toBe(409);
    expect(((await conflict.json()) as { run_id: string }).run_id).toBe(run_id);
    await expect(page.getByTestId("already-running")).toBeVisible();
    await expect(page.getByTestId("discover-run")).toHaveAttribute("data-run-id", run_id);
    await expect(page.getByTestId("discover-button")).toBeDisabled();
    await expect(page.getByTestId("discover-run")).toHaveAttribute("data-status", "success", { timeout: 30_000 });
    await expect(page.getByTestId("discover-button")).toBeEnabled();
  });

  test("opening the console during a run started elsewhere follows that run to its end", async ({ page, request }) => {
    // Long enough that the run is still under way once the whole console has loaded on a busy machine.
    await fakeLatency(8000);
    const started = await api(request).post("/api/ai-model-updater", { wait: false });
    expect(started.status()).toBe(202);
    const { run_id } = (await started.json()) as { run_id: string };

    await openConsole(page);
    await expect(page.getByTestId("discover-run")).toHaveAttribute("data-run-id", run_id);
    await expect(page.getByTestId("already-running")).toBeVisible();
    await expect(page.getByTestId("running-now")).toBeVisible();
    await expect(page.getByTestId("discover-button")).toBeDisabled();
    await expect(page.getByTestId("discover-run")).toHaveAttribute("data-status", "success", { timeout: 30_000 });
    await expect(page.getByTestId("discover-button")).toBeEnabled();
    await expect(page.getByTestId("running-now")).toHaveCount(0);
    await expect(page.locator(`[data-testid="run-row"][data-run-id="${run_id}"]`)).toHaveAttribute("data-status", "success");
  });

  test("a new generation adds models and moves defaults; a model needing review can be classified", async ({ page, request }) => {
    const admin = api(request);
    await fake.era("2027");
    await openConsole(page);
    const started = waitForApi(page, "/api/ai-model-updater", "POST");
    await page.getByTestId("discover-button").click();
    expect((await started).status()).toBe(202);
    const run = page.getByTestId("discover-run");
    await expect(run).not.toHaveAttribute("data-status", "running", { timeout: 30_000 });
    await expect(run.getByTestId("run-added")).toBeVisible();
    await expect(run.getByTestId("run-default-changes")).toBeVisible();
    expect(Number(await run.getByTestId("count-added").textContent())).toBeGreaterThan(0);

    const { models } = await admin.json<{ models: { id: string; model_name: string; needs_review: boolean; model_type: string }[] }>(
      "/api/ai-model-config/all",
    );
    const review = models.find((m) => m.needs_review);
    expect(review, "the 2027 generation holds a model the rules do not recognise").toBeDefined();
    if (review) {
      await page.getByTestId("model-table-section").scrollIntoViewIfNeeded();
      await page.getByLabel("Search").fill(review.model_name);
      const row = page.locator(`[data-testid="model-row"][data-model-name="${review.model_name}"]`);
      await expect(row.getByTestId("badge-needs-review")).toBeVisible();
      await row.getByTestId("open-model").click();
      await page.getByTestId("model-details").getByTestId("classify-model").click();
      const tier = review.model_type === "fast" ? "Flagship" : "Fast";
      await page.getByTestId("classify-tier").click();
      await page.getByRole("option", { name: tier, exact: true }).click();
      const classified = waitForApi(page, `/api/admin/models/${review.id}/classify`, "POST");
      await page.getByTestId("classify-dialog").getByTestId("confirm-action").click();
      expect((await classified).status()).toBe(200);
      await expect(page.getByTestId("model-details").getByTestId("badge-needs-review")).toBeHidden();
      const after = (await admin.json<{ models: typeof models }>("/api/ai-model-config/all")).models.find((m) => m.id === review.id);
      expect(after).toMatchObject({ needs_review: false, model_type: tier.toLowerCase() });
    }

    // Back to the 2025 generation for the specs that follow.
    await fake.era("2025");
    const back = await admin.post("/api/ai-model-updater", { wait: false });
    expect(back.status()).toBe(202);
    await waitForRunEnd((p) => admin.json(p), ((await back.json()) as { run_id: string }).run_id);
  });
});
