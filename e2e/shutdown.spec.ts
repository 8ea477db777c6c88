import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort } from "../tests/support/free-port";
import { openPglite } from "../lib/db/drivers/pglite";
import { buildIsFresh } from "../scripts/lib/build";
import { ADMIN_TOKEN, appServerEnv, FAKE_URL } from "./utils";

const portIsFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(false)));
    socket.once("error", () => resolve(true));
  });

async function waitUntil(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

// What systemd and Docker do: SIGTERM to the main process (npm), and nothing else.
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  test(`npm start ends its whole process tree on ${signal}, frees the port and releases a running discovery`, async () => {
    test.setTimeout(150_000);
    // npm start would build first, and a build under the suite's server would break the other specs.
    expect(buildIsFresh(), "the build is older than the sources: rerun `npm test -- --e2e`").toBe(true);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "amm-stop-"));
    const port = await freePort();
    const env = { ...process.env, ...appServerEnv(path.join(dir, "db"), dir), PORT: String(port), AMM_SHUTDOWN_GRACE_MS: "3000" };
    const npm = spawn("npm", ["start"], { env, stdio: "ignore" });
    const base = `http://127.0.0.1:${port}`;
    try {
      expect(await waitUntil(async () => (await fetch(`${base}/api/auth/session`).catch(() => null))?.ok ?? false, 90_000)).toBe(true);
      // Slow providers keep the run in its listing phase while the signal arrives.
      await fetch(`${FAKE_URL}/_fake/latency`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ latencyMs: 20_000 }) });
      const started = await fetch(`${base}/api/ai-model-updater`, {
        method: "POST", headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" }, body: JSON.stringify({ wait: false }),
      });
      expect(started.status).toBe(202);
      const { run_id } = (await started.json()) as { run_id: string };

      const exited = new Promise<number | null>((resolve) => npm.once("exit", (code) => resolve(code)));
      const signalledAt = Date.now();
      npm.kill(signal);
      expect(await waitUntil(() => portIsFree(port), 12_000), "the port is free").toBe(true);
      // At most the grace (3 s) for in-flight requests, then the stop itself.
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      expect(npm.exitCode !== null || npm.signalCode !== null, "npm exited").toBe(true);
      expect(Date.now() - signalledAt).toBeLessThan(15_000);

      // Opened bare (no start-up reclaim), so what it holds is what the stopping server wrote.
      const db = await openPglite(path.join(dir, "db"));
      try {
        const [run] = await db.query<{ status: string; errors: unknown }>("select status, errors from public.ai_model_update_logs where id = $1::uuid", [run_id]);
        expect(run.status).toBe("failed");
        expect(JSON.stringify(run.errors)).toContain("the server stopped during the run");
      } finally {
        await db.close();
      }
    } finally {
      await fetch(`${FAKE_URL}/_fake/reset`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      if (npm.exitCode === null) npm.kill("SIGKILL");
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}
