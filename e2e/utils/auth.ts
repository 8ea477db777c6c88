import { expect, type Page } from "@playwright/test";
import { ADMIN_TOKEN } from "./env";

/** Signs in through the /login form with the test ADMIN_TOKEN and waits until /admin shows the "AI Models" tab. */
export async function signIn(page: Page, next = "/admin"): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Admin token").fill(ADMIN_TOKEN);
  const answer = page.waitForResponse((r) => r.url().endsWith("/api/auth/login") && r.request().method() === "POST");
  await page.getByRole("button", { name: "Sign in" }).click();
  expect((await answer).status()).toBe(200);
  await page.waitForURL((url) => url.pathname === next);
  if (next === "/admin") await expect(page.getByRole("tab", { name: "AI Models" })).toBeVisible();
}

/**
 * Signs the page's browser context in without the form (faster, for tests about something else):
 * page.request shares the context's cookie jar, so the session cookie lands in the browser too.
 */
export async function signInWithApi(page: Page): Promise<void> {
  const res = await page.request.post("/api/auth/login", { data: { password: ADMIN_TOKEN } });
  expect(res.status(), await res.text()).toBe(200);
}

/** Signs out with the header button and waits for /login. */
export async function signOut(page: Page): Promise<void> {
  const answer = page.waitForResponse((r) => r.url().endsWith("/api/auth/logout"));
  await page.getByRole("button", { name: "Sign out" }).click();
  expect((await answer).status()).toBe(200);
  await page.waitForURL((url) => url.pathname === "/login");
}
