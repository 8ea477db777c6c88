import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { openConsole, waitForApi, waitForRunEnd } from "./console";
import { api, fake, signInWithApi } from "./utils";

// Screenshots of the console for the README: `SCREENSHOTS=1 npx playwright test e2e/screenshots.spec.ts`.
// Skipped in normal test runs.

const OUT = path.join(process.cwd(), "docs", "screenshots");

/** The whole viewport, or one part of the page (clipped to maxHeight). */
async function shot(page: Page, name: string, part?: Locator, maxHeight = 1000): Promise<void> {
  const file = path.join(OUT, `${name}.png`);
  if (!part) {
    await page.screenshot({ path: file, animations: "disabled" });
    return;
  }
  const box = await part.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height };
  });
  const pad = 16;
  await page.screenshot({
    path: file,
    fullPage: true,
    // Finishes the colour transitions started by the scheme switch.
    animations: "disabled",
    clip: { x: Math.max(0, box.x - pad), y: Math.max(0, box.y - pad), width: box.width + 2 * pad, height: Math.min(box.height + 2 * pad, maxHeight) },
  });
}

async function setScheme(page: Page, scheme: "light" | "dark"): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  await page.evaluate((dark) => document.documentElement.classList.toggle("dark", dark), scheme === "dark");
}

test.describe("screenshots", () => {
  test.skip(!process.env.SCREENSHOTS, "set SCREENSHOTS=1 to take the README screenshots");
  test.use({ viewport: { width: 1280, height: 900 } });
  test.setTimeout(120_000);

  test("the console in light and dark mode", async ({ page, request }) => {
    const admin = api(request);
    // History: a partial run (Mistral refusing the key), then the 2025 generation, then the 2027 one from the UI.
    await fake.reset();
    await fake.fault("mistral", "401");
    for (const era of ["2025", "2025"] as const) {
      await fake.era(era);
      const started = await admin.post("/api/ai-model-updater", { wait: false });
      await waitForRunEnd((p) => admin.json(p), ((await started.json()) as { run_id: string }).run_id);
      await fake.reset();
    }
    await fake.era("2027");

    await signInWithApi(page);
    await openConsole(page);
    const started = waitForApi(page, "/api/ai-model-updater", "POST");
    await page.getByTestId("discover-button").click();
    expect((await started).status()).toBe(202);
    await expect(page.getByTestId("discover-run")).not.toHaveAttribute("data-status", "running", { timeout: 30_000 });
    // Let the toast leave, so it does not cover the pictures.
    await expect(page.locator("[data-slot=toast]")).toHaveCount(0, { timeout: 15_000 }).catch(() => undefined);
    await page.mouse.move(0, 0);
    const history = page.getByTestId("run-history");
    // The partial run: its failed provider and error are the interesting part.
    await history.getByTestId("toggle-run").nth(2).click();
    await expect(history.getByTestId("run-details")).toBeVisible();

    for (const scheme of ["light", "dark"] as const) {
      await setScheme(page, scheme);
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot(page, `overview-${scheme}`);
      await shot(page, `discovery-${scheme}`, page.getByTestId("discover-panel"), 1400);
      await shot(page, `models-${scheme}`, page.getByTestId("model-table-section"), 1100);
      await shot(page, `history-${scheme}`, history, 1100);
    }

    await setScheme(page, "light");
    // The new OpenAI flagship: its default history shows the move from gpt-5.
    await page.getByLabel("Search").fill("gpt-6");
    await page.locator('[data-testid="model-row"][data-model-name="gpt-6"]').getByTestId("open-model").click();
    await expect(page.getByRole("heading", { name: "Default history" })).toBeVisible();
    await expect(page.getByTestId("default-history")).toBeVisible();
    await shot(page, "details-light");
    await setScheme(page, "dark");
    await shot(page, "details-dark");

    await page.keyboard.press("Escape");
    await page.setViewportSize({ width: 375, height: 800 });
    await setScheme(page, "light");
    await page.getByTestId("clear-filters").click();
    // Below the sticky header.
    await page.getByTestId("model-table-section").evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 72));
    await shot(page, "mobile-light");
    await page.getByTestId("open-model").first().click();
    await expect(page.getByRole("heading", { name: "Default history" })).toBeVisible();
    await shot(page, "mobile-details-light");
    await page.keyboard.press("Escape");
    await page.getByTestId("discover-panel").evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 72));
    await shot(page, "mobile-discovery-light");
    await fake.reset();
  });
});
