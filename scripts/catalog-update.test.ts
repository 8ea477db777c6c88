import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeProviders, type FakeProviders } from "@/tests/support/fake-providers/server";

const ROOT = path.resolve(import.meta.dirname, "..");
let dir: string;
let fake: FakeProviders;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "amm-catalog-"));
  fake = await startFakeProviders();
});
afterAll(async () => {
  await fake?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs `tsx scripts/catalog-update.ts` as npm would. */
function catalogUpdate(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/catalog-update.ts", ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "test" } as NodeJS.ProcessEnv,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("npm run catalog:update", () => {
  it("rewrites the figures a document states differently and prints them; --dry-run writes nothing", async () => {
    const catalog = path.join(dir, "catalog.json");
    const original = fs.readFileSync(path.join(ROOT, "lib/catalog/catalog.json"), "utf8");
    fs.writeFileSync(catalog, original);
    const doc = JSON.parse(fs.readFileSync(path.join(ROOT, "tests/support/fixtures/models-dev/fake-api.json"), "utf8"));
    doc.anthropic.models["claude-haiku-4-5"].cost.output = 4;
    const docPath = path.join(dir, "api.json");
    fs.writeFileSync(docPath, JSON.stringify(doc));

    const dry = await catalogUpdate([docPath, "--catalog", catalog, "--dry-run"]);
    expect(dry.stdout).toMatch(/anthropic\/claude-haiku-4-5\s+pricing\.output_per_mtok\s+5\s+4/);
    expect(fs.readFileSync(catalog, "utf8")).toBe(original);

    const real = await catalogUpdate([docPath, "--catalog", catalog]);
    expect(real.code).toBe(0);
    expect(real.stdout).toMatch(/1 change\(s\) written/);
    const written = JSON.parse(fs.readFileSync(catalog, "utf8"));
    const haiku = written.providers.anthropic.models.find((m: { model_name: string }) => m.model_name === "claude-haiku-4-5");
    expect(haiku.pricing).toEqual({ input_per_mtok: 1, output_per_mtok: 4 });
  });

  it("reads a URL and refuses a document that is not one", async () => {
    const same = await catalogUpdate([fake.metadataUrls["models.dev"], "--catalog", path.join(ROOT, "lib/catalog/catalog.json"), "--dry-run"]);
    expect(same.stdout).toMatch(/No change/);
    fake.setMetadataFault("models.dev", "wrong-shape");
    const bad = await catalogUpdate([fake.metadataUrls["models.dev"], "--dry-run"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/rejected: it holds none of our providers/);
  });
});
