import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { openConsole, waitForApi } from "./console";
import { fake, signInWithApi } from "./utils";

// Screenshots of the console for the README: `SCREENSHOTS=1 npx playwright test e2e/screenshots.spec.ts`.
// Skipped in normal test runs.

const OUT = path.join(process.cwd(), "docs", "screenshots");

async function shot(target: Page | Locator, name: string, maxHeight = 1100): Promise<void> {
  if ("goto" in target) {
    await target.screenshot({ path: path.join(OUT, `${name}.png`) });
    return;
  }
  const box = await target.boundingBox();
  if (!box) throw new Error(`${name}: not on screen`);
  const pad = 16;
  await target.page().screenshot({
    path: path.join(OUT, `${name}.png`),
    fullPage: true,
    clip: { x: Math.max(0, box.x - pad), y: Math.max(0, box.y - pad), width: box.width + 2 * pad, height: Math.min(box.height + 2 * pad, maxHeight) },
  });
}

test.describe("screenshots", () => {
  test.skip(!process.env.SCREENSHOTS, "set SCREENSHOTS=1 to take the README screenshots");
  test.use({ viewport: { width: 1280, height: 900 } });

  for (const scheme of ["light", "dark"] as const) {
    test(`console in ${scheme} mode`, async ({ page }) => {
      await fake.reset();
      await page.emulateMedia({ colorScheme: scheme });
      await signInWithApi(page);
      await openConsole(page);

      const started = waitForApi(page, "/api/ai-model-updater", "POST");
      await page.getByTestId("discover-button").click();
      expect((await started).status()).toBe(202);
      await expect(page.getByTestId("discover-run")).not.toHaveAttribute("data-status", "running", { timeout: 30_000 });
      // Let the toast leave, so it does not cover the pictures.
      await expect(page.locator("[data-slot=toast]")).toHaveCount(0, { timeout: 15_000 }).catch(() => undefined);
      await page.mouse.move(0, 0);

      await shot(page, `overview-${scheme}`);
      await shot(page.getByTestId("discover-panel"), `discovery-${scheme}`);
      await shot(page.getByTestId("model-table-section"), `models-${scheme}`);

      const history = page.getByTestId("run-history");
      await history.getByTestId("toggle-run").first().click();
      await expect(history.getByTestId("run-details")).toBeVisible();
      await shot(history, `history-${scheme}`);

      await page.getByLabel("Search").fill("gpt-5");
      await page.locator('[data-testid="model-row"][data-model-name="gpt-5"]').getByTestId("open-model").click();
      await expect(page.getByRole("heading", { name: "Default history" })).toBeVisible();
      await shot(page, `details-${scheme}`);
    });
  }
});
