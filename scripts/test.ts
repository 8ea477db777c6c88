// `npm test`: every test (Vitest: unit, repositories on PGlite and PostgreSQL, routes, clients; then
// Playwright against the production build), with one closing line of totals.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { BUILD_SECRETS } from "../e2e/utils/env";
import { ensureBuild } from "./lib/build";

process.env.NEXT_TELEMETRY_DISABLED = "1";
// The browser tests' build has a directory of its own: a running `npm start` keeps serving `.next`.
process.env.AMM_DIST_DIR ||= ".next-test";
const root = process.cwd();
const out = path.join(root, ".tmp");
fs.mkdirSync(out, { recursive: true });

function ensureChromium(): void {
  if (fs.existsSync("/usr/bin/chromium")) return;
  if (process.getuid?.() !== 0) {
    console.error("Chromium is missing: install it with `apt-get install -y chromium` (the browser tests need it).");
    process.exit(1);
  }
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}

interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}

function readVitest(file: string): Totals {
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  return { passed: r.numPassedTests, failed: r.numFailedTests + (r.numFailedTestSuites ?? 0), skipped: r.numPendingTests + r.numTodoTests };
}

function readPlaywright(file: string): Totals {
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  const s = r.stats ?? {};
  return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: s.unexpected ?? 0, skipped: s.skipped ?? 0 };
}

const args = process.argv.slice(2);
const only = args.includes("--unit") ? "unit" : args.includes("--e2e") ? "e2e" : "all";
const specs = args.filter((a) => !a.startsWith("--")); // e.g. `npm test -- --e2e e2e/auth.spec.ts`
const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
let failedRun = false;

if (only !== "e2e") {
  const file = path.join(out, "vitest.json");
  fs.rmSync(file, { force: true });
  const res = spawnSync("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${file}`], {
    stdio: "inherit",
  });
  if (fs.existsSync(file)) {
    const t = readVitest(file);
    totals.passed += t.passed;
    totals.failed += t.failed;
    totals.skipped += t.skipped;
  }
  if (res.status !== 0) failedRun = true;
}

const hasSpecs = fs.existsSync(path.join(root, "e2e")) && fs.readdirSync(path.join(root, "e2e")).some((f) => f.endsWith(".spec.ts"));
if (only !== "unit" && hasSpecs) {
  ensureChromium();
  // Built with every secret set to a test value, so the spec that scans the bundle for them can fail.
  ensureBuild(root, { env: { ...process.env, ...BUILD_SECRETS } });
  const file = path.join(out, "playwright.json");
  fs.rmSync(file, { force: true });
  const res = spawnSync("npx", ["playwright", "test", "--reporter=list,json", ...specs], {
    stdio: "inherit",
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: file },
  });
  if (fs.existsSync(file)) {
    const t = readPlaywright(file);
    totals.passed += t.passed;
    totals.failed += t.failed;
    totals.skipped += t.skipped;
  }
  if (res.status !== 0) failedRun = true;
}

if (failedRun && totals.failed === 0) totals.failed = 1; // a runner crashed before reporting
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedRun || totals.failed > 0 ? 1 : 0);
