import { expect, test } from "@playwright/test";
import { ADMIN_TOKEN, signIn, signOut } from "./utils";

test.describe("sign-in", () => {
  test("a signed-out visitor of /admin is sent to /login", async ({ page }) => {
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/login\?next=(%2F|\/)admin$/);
    await expect(page.getByLabel("Admin token")).toBeVisible();
  });

  test("a wrong password shows an error and does not sign in", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Admin token").fill(`${ADMIN_TOKEN}-wrong`);
    const answer = page.waitForResponse((r) => r.url().endsWith("/api/auth/login"));
    await page.getByRole("button", { name: "Sign in" }).click();
    expect((await answer).status()).toBe(401);
    await expect(page.getByRole("alert").filter({ hasText: "Wrong password" })).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
    const session = await page.request.get("/api/auth/session");
    expect(await session.json()).toEqual({ success: true, signed_in: false });
  });

  test("the right password lands on /admin with the AI Models tab, and sign-out ends the session", async ({ page }) => {
    await signIn(page);
    await expect(page.getByRole("tab", { name: "AI Models" })).toHaveAttribute("aria-selected", "true");
    const cookie = (await page.context().cookies()).find((c) => c.name === "amm_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });

    await signOut(page);
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/login\?next=(%2F|\/)admin$/);
  });

  test("the admin API accepts the session cookie from the page, and refuses it after sign-out", async ({ page }) => {
    await signIn(page);
    const fromPage = () =>
      page.evaluate(async () => {
        const res = await fetch("/api/ai-model-config/all");
        return { status: res.status, body: await res.json() };
      });
    const signedIn = await fromPage();
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({ success: true, models: expect.any(Array) });

    const stolen = (await page.context().cookies()).find((c) => c.name === "amm_session")!;
    await signOut(page);
    const signedOut = await fromPage();
    expect(signedOut.status).toBe(401);

    // The cookie is cleared in the browser; the server has no session list, so what remains valid is only
    // a copy taken before sign-out, and only until it expires (12 h): signed cookies cannot be revoked.
    expect((await page.context().cookies()).some((c) => c.name === "amm_session")).toBe(false);
    expect(stolen.expires * 1000 - Date.now()).toBeLessThanOrEqual(12 * 3600 * 1000);
  });

  test("a POST with the session cookie is accepted from the same origin and refused from another", async ({ page }) => {
    await signIn(page);
    const data = { provider: "openai", model_name: "gpt-4o" };
    const same = await page.request.post("/api/ai-model-config/validate", { data, headers: { Origin: new URL(page.url()).origin } });
    expect(same.status()).toBe(200);
    const cross = await page.request.post("/api/ai-model-config/validate", { data, headers: { Origin: "https://evil.example" } });
    expect(cross.status()).toBe(401);
  });

  test("a signed-in visitor of /login goes straight to /admin", async ({ page }) => {
    await signIn(page);
    await page.goto("/login");
    await expect(page).toHaveURL(/\/admin$/);
  });
});

test.describe("admin shell", () => {
  test("fits a 375 px screen, logs no console error, and keeps the chosen theme across reloads", async ({ page }) => {
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(String(e)));
    await page.setViewportSize({ width: 375, height: 800 });
    await signIn(page);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await page.getByTestId("theme-toggle").click();
    await page.getByRole("menuitemradio", { name: "Dark" }).click();
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    await page.reload();
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    expect(await page.evaluate(() => localStorage.getItem("theme"))).toBe("dark");

    await page.getByTestId("theme-toggle").click();
    await page.getByRole("menuitemradio", { name: "Light" }).click();
    await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
    expect(problems).toEqual([]);
  });
});
