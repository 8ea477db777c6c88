// Runs the Python client's unittest suite inside `npm test`, against a real app server on the loopback.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetConfigCache } from "@/lib/config/cache";
import { setDb } from "@/lib/db/client";
import { createRoute } from "@/lib/registry/create-route";
import { startAppServer, type AppServer } from "@/tests/support/app-server";
import { READ_KEY, makeDefault, setupConfigEnv } from "@/tests/support/config-fixtures";
import { createTestDb, type TestDatabase } from "@/tests/support/databases";

setupConfigEnv();
const hasPython = spawnSync("python3", ["--version"]).status === 0;

/** Runs a command without blocking the event loop (the app server lives in this process). */
function run(cmd: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

describe("the Python client (clients/python)", () => {
  let t: TestDatabase;
  let server: AppServer;
  beforeAll(async () => {
    t = await createTestDb("pglite");
    await makeDefault(t.db, "openai", "flagship", "gpt-registry-python");
    // A default near its shutdown, for the client's deprecation warning.
    await t.db.query("update public.ai_model_configs set shutdown_date = '2026-12-21' where model_name = 'claude-haiku-4-5'");
    setDb(t.db);
    // A route whose first step names no known model: the client must see it skipped and the slot answer.
    await createRoute({ ctx: { db: t.db, actor: "test" }, input: { name: "py-summarize", steps: [{ model: "openai/no-such-model" }, { slot: "openai:flagship" }] } });
    resetConfigCache();
    server = await startAppServer();
  });
  afterAll(async () => {
    await server?.close();
    setDb(undefined);
    await t?.close();
  });

  it("passes its unittest suite against the real server, none skipped", async () => {
    // CI (.ci/run) installs python3; without it this suite must fail, not silently vanish.
    expect(hasPython, "python3 is not installed: `apt-get install -y python3` (the Python client's tests need it)").toBe(true);
    const { code, output } = await run("python3", ["-m", "unittest", "-v", "test_ai_model_service"], {
      cwd: path.join(import.meta.dirname),
      env: {
        ...process.env,
        AI_MODEL_CONFIG_URL: server.url,
        AI_MODEL_CONFIG_KEY: READ_KEY,
        AMM_EXPECT_OPENAI_FLAGSHIP: "gpt-registry-python",
        PYTHONDONTWRITEBYTECODE: "1",
      },
    });
    expect(output, output).toMatch(/Ran \d+ tests/);
    expect(output, output).not.toMatch(/skipped/);
    expect(code, output).toBe(0);
  });
});
