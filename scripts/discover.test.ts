import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { fakeProviderEnv } from "@/tests/support/fake-providers/env";
import { startFakeProviders, type FakeProviders } from "@/tests/support/fake-providers/server";
import { createTestDb, type TestDatabase } from "@/tests/support/databases";
import { POST } from "@/app/api/ai-model-updater/route";

const ROOT = path.resolve(import.meta.dirname, "..");

let fake: FakeProviders;
let dir: string;
beforeAll(async () => {
  fake = await startFakeProviders();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "amm-discover-"));
});
afterAll(async () => {
  await fake?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const providerEnv = () => fakeProviderEnv(fake);

/** Runs `tsx scripts/discover.ts` as npm would, with only the given environment. */
function discover(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/discover.ts", ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "test", AMM_DATA_DIR: dir, DISCOVERY_MAX_RETRIES: "0", MODELS_DEV_URL: "off", ...env } as NodeJS.ProcessEnv,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("npm run discover", () => {
  it("runs one discovery on the embedded database, prints a table, and exits 0 on success", async () => {
    const r = await discover([], { ...providerEnv(), DATABASE_URL: `pglite://${dir}/db` });
    expect(r.stderr).not.toContain("Error");
    expect(r.stdout).toMatch(/Discovery run [0-9a-f-]{36}: SUCCESS/);
    expect(r.stdout).toMatch(/openai\s+ok/);
    expect(r.code).toBe(0);
  });

  it("prints JSON with --json and exits 1 when a provider fails", async () => {
    fake.setFault("anthropic", "401");
    const r = await discover(["--json"], { ...providerEnv(), DATABASE_URL: `pglite://${dir}/db` });
    fake.reset();
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ status: "partial", errors: [{ provider: "anthropic" }] });
    expect(r.code).toBe(1);
  });

  it("refreshes only the metadata with --metadata-only (no provider listed), and exits 1 when a source fails", async () => {
    const listingsBefore = fake.requests().filter((q) => q.provider !== null).length;
    const r = await discover(["--metadata-only"], { ...providerEnv(), DATABASE_URL: `pglite://${dir}/db` });
    expect(r.stdout).toMatch(/Metadata refresh/);
    expect(r.stdout).toMatch(/models\.dev\s+(fresh|not_modified)/);
    expect(r.code).toBe(0);
    expect(fake.requests().filter((q) => q.provider !== null)).toHaveLength(listingsBefore);
    fake.setMetadataFault("models.dev", "500");
    const failed = await discover(["--metadata-only", "--json"], { ...providerEnv(), DATABASE_URL: `pglite://${dir}/db` });
    fake.reset();
    expect(JSON.parse(failed.stdout)).toMatchObject({ warnings: [{ source: "models.dev" }], models_updated: 0 });
    expect(failed.code).toBe(1);
  });

  it("exits 2 when no provider is configured", async () => {
    const r = await discover([], { DATABASE_URL: `pglite://${dir}/db` });
    expect(r.stdout).toMatch(/FAILED/);
    expect(r.code).toBe(2);
  });

  describe("when the app holds the embedded database", () => {
    let t: TestDatabase;
    let server: http.Server;
    let port: number;
    const saved: Record<string, string | undefined> = {};
    beforeAll(async () => {
      // The "app": a real HTTP server in this process serving the real route handler on a test database.
      t = await createTestDb("pglite");
      setDb(t.db);
      for (const [k, v] of Object.entries({ ...providerEnv(), ADMIN_TOKEN: "cli-admin-token-0123456789" })) {
        saved[k] = process.env[k];
        process.env[k] = v;
      }
      server = http.createServer(async (req, res) => {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const body = Buffer.concat(chunks).toString("utf8") || undefined;
        const answer = await POST(new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body }));
        res.writeHead(answer.status, { "content-type": "application/json" });
        res.end(await answer.text());
      });
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      port = (server.address() as AddressInfo).port;
      fs.mkdirSync(path.join(dir, "held"), { recursive: true });
      fs.writeFileSync(path.join(dir, "held", "amm.lock"), String(process.pid)); // this live process "holds" it
    });
    afterAll(async () => {
      await new Promise((r) => server?.close(r));
      setDb(undefined);
      await t?.close();
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    });

    it("runs discovery through the app's API with the admin token", async () => {
      const r = await discover([], { DATABASE_URL: `pglite://${dir}/held`, PORT: String(port), ADMIN_TOKEN: "cli-admin-token-0123456789" });
      expect(r.stderr).toMatch(/through http:\/\/127\.0\.0\.1:\d+\/api\/ai-model-updater/);
      expect(r.stdout).toMatch(/SUCCESS/);
      expect(r.code).toBe(0);
      const [run] = await t.db.query<{ trigger: string }>("select trigger from public.ai_model_update_logs order by started_at desc limit 1");
      expect(run.trigger).toBe("cli");
    });

    it("refuses with a clear message when the app does not answer", async () => {
      const r = await discover([], { DATABASE_URL: `pglite://${dir}/held`, PORT: "1", ADMIN_TOKEN: "x".repeat(20) });
      expect(r.stderr).toMatch(/did not answer/);
      expect(r.code).toBe(2);
    });
  });
});
