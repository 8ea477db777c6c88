import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { SECRETS, signIn } from "./utils";

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : [p];
  });
}

// The test values, plus any real ones in the environment the build ran with (a developer's shell, CI).
const SECRET_NAMES = ["ADMIN_TOKEN", "CRON_SECRET", "SESSION_SECRET", "SUPABASE_SERVICE_ROLE_KEY", "OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY", "GOOGLE_API_KEY", "MISTRAL_API_KEY"];
const CHECKED: [string, string][] = [
  ...Object.entries(SECRETS),
  ...SECRET_NAMES.map((n): [string, string] => [`env ${n}`, process.env[n]?.trim() ?? ""]),
  ...(process.env.CONFIG_API_KEYS ?? "").split(",").map((k, i): [string, string] => [`env CONFIG_API_KEYS[${i}]`, k.trim()]),
].filter(([, v]) => v.length >= 8);

function leaked(text: string): string[] {
  return CHECKED
    .filter(([, value]) => text.includes(value))
    .map(([name]) => name);
}

test.describe("secrets stay on the server", () => {
  test("the built client bundle holds no secret value", () => {
    const files = filesUnder(path.join(process.cwd(), ".next", "static"));
    expect(files.length).toBeGreaterThan(0);
    const found = files.flatMap((f) => leaked(fs.readFileSync(f, "latin1")).map((name) => `${name} in ${path.relative(process.cwd(), f)}`));
    expect(found).toEqual([]);
  });

  test("the pages and every response they load hold no secret value", async ({ page }) => {
    const found: string[] = [];
    page.on("response", async (res) => {
      const type = res.headers()["content-type"] ?? "";
      if (!/html|javascript|json|text|css/.test(type)) return;
      const body = await res.text().catch(() => "");
      for (const name of leaked(body)) found.push(`${name} in ${res.url()}`);
    });
    const loginHtml = await (await page.goto("/login"))!.text();
    expect(leaked(loginHtml)).toEqual([]);
    await signIn(page);
    await page.waitForLoadState("networkidle");
    const adminHtml = await (await page.request.get("/admin")).text();
    expect(adminHtml).toContain("AI Models");
    expect(leaked(adminHtml)).toEqual([]);
    expect(found).toEqual([]);
  });
});

test.describe("accessibility", () => {
  for (const scheme of ["light", "dark"] as const) {
    test(`/login has no serious or critical axe violation (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto("/login");
      await expect(page.getByLabel("Admin token")).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const bad = results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
      expect(bad).toEqual([]);
    });
  }
});
