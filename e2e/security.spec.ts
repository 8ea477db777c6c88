import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { distDir, readBuildStamp, SECRET_ENV_NAMES, secretEnvFingerprint } from "../scripts/lib/build";
import { BUILD_SECRETS, signIn } from "./utils";

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : [p];
  });
}

// The test values of every secret variable: the build under test was made with them (scripts/test.ts).
const CHECKED = Object.entries(BUILD_SECRETS);

function leaked(text: string): string[] {
  return CHECKED
    .filter(([, value]) => text.includes(value))
    .map(([name]) => name);
}

test.describe("secrets stay on the server", () => {
  test("the client bundle, built with every secret in its environment, holds none of their values", () => {
    expect(Object.keys(BUILD_SECRETS).sort(), "BUILD_SECRETS gives every secret variable a test value").toEqual([...SECRET_ENV_NAMES].sort());
    // Without the secrets in the build's environment they could never reach the bundle, and the scan would prove nothing.
    const stamp = readBuildStamp();
    expect(stamp, "the build in .next has no stamp of its environment: build it through `npm test` (scripts/test.ts)").not.toBeNull();
    expect(stamp!.secrets_present.sort()).toEqual([...SECRET_ENV_NAMES].sort());
    expect(stamp!.secret_env_sha256, "the build in .next was made with other secret values than the suite's").toBe(
      secretEnvFingerprint(BUILD_SECRETS).secret_env_sha256,
    );
    const files = filesUnder(path.join(process.cwd(), distDir(), "static"));
    expect(files.length).toBeGreaterThan(0);
    // Pages prerendered at build time are served as they are: they count as bundle too.
    files.push(...filesUnder(path.join(process.cwd(), distDir(), "server", "app")).filter((f) => /\.(html|rsc|body|meta)$/.test(f)));
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
