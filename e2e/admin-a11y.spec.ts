import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { openConsole } from "./console";
import { signInWithApi } from "./utils";

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
}

test.describe("admin console accessibility", () => {
  for (const scheme of ["light", "dark"] as const) {
    test(`axe finds no serious or critical violation on /admin in ${scheme} mode`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await signInWithApi(page);
      await openConsole(page);
      await expect(page.getByTestId("run-history")).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  test("axe finds no serious or critical violation in the model details dialog", async ({ page }) => {
    await signInWithApi(page);
    await openConsole(page);
    await page.getByTestId("open-model").first().click();
    await expect(page.getByTestId("model-details")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Default history" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("at 375 px the page does not scroll sideways: the model table scrolls inside its frame", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await signInWithApi(page);
    await openConsole(page);
    const { page: pageWidth, viewport } = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    }));
    expect(pageWidth).toBeLessThanOrEqual(viewport);
    const frame = page.getByTestId("model-table").locator("xpath=..");
    const overflow = await frame.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(overflow.scroll).toBeGreaterThan(overflow.client);
    await page.getByTestId("discover-button").scrollIntoViewIfNeeded();
    await expect(page.getByTestId("discover-button")).toBeVisible();
  });

  test("the table is usable from the keyboard: Tab reaches the sort buttons and a row's details open with Enter", async ({ page }) => {
    await signInWithApi(page);
    await openConsole(page);
    await page.getByTestId("sort-name").focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("columnheader", { name: /Model/ })).toHaveAttribute("aria-sort", "ascending");
    const firstName = await page.getByTestId("model-row").first().getAttribute("data-model-name");
    await page.getByTestId("open-model").first().focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog").getByRole("heading", { name: firstName! })).toBeVisible();
  });
});
