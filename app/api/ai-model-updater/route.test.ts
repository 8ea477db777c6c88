import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PROVIDERS } from "@/lib/domain";
import { fakeProviderEnv } from "@/tests/support/fake-providers/env";
import { startFakeProviders, type FakeProviders } from "@/tests/support/fake-providers/server";
import { callWithParams } from "@/tests/support/admin-call";
import { READ_KEY, setupConfigEnv, useRouteDb } from "@/tests/support/config-fixtures";
import { DRIVERS } from "@/tests/support/databases";
import { GET as getRun } from "./runs/[id]/route";
import { DELETE, GET, POST } from "./route";

const CRON_SECRET = "test-cron-secret-0123456789";

setupConfigEnv();
let fake: FakeProviders;
const saved: Record<string, string | undefined> = {};
beforeAll(async () => {
  fake = await startFakeProviders({ latencyMs: 150 });
  for (const [name, value] of Object.entries(fakeProviderEnv(fake))) {
    saved[name] = process.env[name];
    process.env[name] = value;
  }
  saved.CRON_SECRET = process.env.CRON_SECRET;
});
beforeEach(() => {
  process.env.CRON_SECRET = CRON_SECRET;
});
afterAll(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await fake?.close();
});

const call = callWithParams;

describe.each(DRIVERS)("/api/ai-model-updater on %s", (driver) => {
  useRouteDb(driver);

  it("refuses a request without a token (401) and a config read key (403)", async () => {
    expect((await call(POST, "/api/ai-model-updater", { method: "POST", token: null })).status).toBe(401);
    expect((await call(GET, "/api/ai-model-updater", { token: null })).status).toBe(401);
    const read = await call(POST, "/api/ai-model-updater", { method: "POST", token: READ_KEY });
    expect(read.status).toBe(403);
    expect(read.json).toMatchObject({ success: false, error: { code: "forbidden" } });
    expect((await call(GET, "/api/ai-model-updater", { token: READ_KEY })).status).toBe(403);
    expect((await call(getRun, "/api/ai-model-updater/runs/x", { token: READ_KEY }, { id: "x" })).status).toBe(403);
  });

  it("runs discovery for Vercel Cron with the cron secret and answers the summary", async () => {
    const { status, json } = await call(GET, "/api/ai-model-updater", { token: CRON_SECRET });
    expect(status).toBe(200);
    expect(json).toMatchObject({ success: true, status: "success", providers_checked: [...PROVIDERS], errors: [] });
    for (const k of ["run_id", "models_discovered", "models_added", "models_deprecated", "execution_time_ms", "default_changes"]) expect(json).toHaveProperty(k);
    const run = await call(getRun, `/api/ai-model-updater/runs/${json.run_id}`, {}, { id: json.run_id });
    expect(run.json.run).toMatchObject({ id: json.run_id, trigger: "cron", status: "success" });
  });

  it("refuses the cron secret on the admin POST", async () => {
    expect((await call(POST, "/api/ai-model-updater", { method: "POST", token: CRON_SECRET })).status).toBe(403);
  });

  it("answers 202 with wait:false; the run then shows progress and its final status", async () => {
    const started = await call(POST, "/api/ai-model-updater", { method: "POST", body: { wait: false } });
    expect(started.status).toBe(202);
    expect(started.json).toEqual({ success: true, run_id: expect.any(String), status: "running" });
    const id = started.json.run_id as string;

    // While it runs, a second trigger is a 409 naming it.
    const second = await call(POST, "/api/ai-model-updater", { method: "POST", body: {} });
    expect(second.status).toBe(409);
    expect(second.json).toMatchObject({ success: false, run_id: id, error: { code: "conflict" } });
    const cron = await call(GET, "/api/ai-model-updater", { token: CRON_SECRET });
    expect(cron.status).toBe(409);

    const first = await call(getRun, `/api/ai-model-updater/runs/${id}`, {}, { id });
    expect(first.json.run.status).toBe("running");
    expect(Object.keys(first.json.run.progress).sort()).toEqual([...PROVIDERS].sort());
    let run = first.json.run;
    while (run.status === "running") {
      await new Promise((r) => setTimeout(r, 50));
      run = (await call(getRun, `/api/ai-model-updater/runs/${id}`, {}, { id })).json.run;
    }
    expect(run.status).toBe("success");
    for (const p of PROVIDERS) expect(run.progress[p]).toMatchObject({ state: "done", pages: expect.any(Number), models_seen: expect.any(Number) });
    for (const k of ["added_models", "deprecated_models", "default_changes", "errors", "warnings"]) expect(Array.isArray(run[k])).toBe(true);
  });

  it("waits and answers the summary by default", async () => {
    const { status, json } = await call(POST, "/api/ai-model-updater", { method: "POST" });
    expect(status).toBe(200);
    expect(json).toMatchObject({ success: true, status: "success" });
  });

  it("answers 404 for an unknown run and 400 for a bad body, 405 for other methods", async () => {
    const id = "00000000-0000-4000-8000-000000000000";
    expect((await call(getRun, `/api/ai-model-updater/runs/${id}`, {}, { id })).status).toBe(404);
    expect((await call(getRun, "/api/ai-model-updater/runs/nope", {}, { id: "nope" })).status).toBe(404);
    const bad = await call(POST, "/api/ai-model-updater", { method: "POST", body: { wait: "soon" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain("wait");
    expect((await call(DELETE, "/api/ai-model-updater", { method: "DELETE" })).status).toBe(405);
  });
});
