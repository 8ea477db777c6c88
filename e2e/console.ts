import { expect, type Page, type Response } from "@playwright/test";

// Helpers of the admin console specs: waiting for the console's own API answers, never sleeping.

/** Resolves with the next answer of `path` (matched on the URL's pathname) for `method`. */
export function waitForApi(page: Page, path: string | RegExp, method = "GET"): Promise<Response> {
  return page.waitForResponse((r) => {
    const { pathname } = new URL(r.url());
    return r.request().method() === method && (typeof path === "string" ? pathname === path : path.test(pathname));
  });
}

/** Opens /admin (already signed in) and waits for the model table to be filled from the API. */
export async function openConsole(page: Page): Promise<void> {
  const models = waitForApi(page, "/api/ai-model-config/all");
  await page.goto("/admin");
  expect((await models).status()).toBe(200);
  await expect(page.getByTestId("model-row").first()).toBeVisible();
}

/** Picks an option of one of the console's selects (Radix select: a button, then a listbox). */
export async function choose(page: Page, triggerTestId: string, option: string): Promise<void> {
  await page.getByTestId(triggerTestId).click();
  await page.getByRole("option", { name: option, exact: true }).click();
  await expect(page.getByRole("listbox")).toBeHidden();
}

/** The numbers of "Showing N of M". */
export async function shownCount(page: Page): Promise<{ shown: number; total: number }> {
  const text = (await page.getByTestId("model-count").textContent()) ?? "";
  const m = /Showing (\d+) of (\d+)/.exec(text);
  if (!m) throw new Error(`unexpected count text: ${text}`);
  return { shown: Number(m[1]), total: Number(m[2]) };
}

/** Delays every answer of the fake providers (all of them, or one), so a run's progress can be watched. */
export async function fakeLatency(latencyMs: number, provider?: string): Promise<void> {
  const { FAKE_URL } = await import("./utils/env");
  const res = await fetch(`${FAKE_URL}/_fake/latency`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(provider ? { latencyMs, provider } : { latencyMs }),
  });
  if (!res.ok) throw new Error(`fake latency answered ${res.status}`);
}

/** Polls a run over the API until it has ended; returns its final row. */
export async function waitForRunEnd(
  get: (path: string) => Promise<{ run: { status: string } & Record<string, unknown> }>,
  runId: string,
): Promise<{ status: string } & Record<string, unknown>> {
  let run = (await get(`/api/ai-model-updater/runs/${runId}`)).run;
  await expect
    .poll(async () => (run = (await get(`/api/ai-model-updater/runs/${runId}`)).run).status, { timeout: 30_000 })
    .not.toBe("running");
  return run;
}
