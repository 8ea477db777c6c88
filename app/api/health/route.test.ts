import { describe, expect, it } from "vitest";
import { readSnapshot } from "@/lib/config/cache";
import { setDb } from "@/lib/db/client";
import { ADMIN_TOKEN, callRoute, closedDb, setupConfigEnv, useRouteDb } from "@/tests/support/config-fixtures";
import { DRIVERS } from "@/tests/support/databases";
import { recordPartialRun } from "@/tests/support/ops-fixtures";
import { GET, POST } from "./route";

setupConfigEnv();

describe.each(DRIVERS)("GET /api/health on %s", (driver) => {
  const t = useRouteDb(driver);

  it("answers liveness to anyone, with nothing more than ok", async () => {
    const { status, json, headers } = await callRoute(GET, "/api/health", { token: null });
    expect(status).toBe(200);
    expect(json).toEqual({ ok: true });
    expect(headers.get("cache-control")).toBe("no-store");
  });

  it("tells a wrong key no more than liveness", async () => {
    expect((await callRoute(GET, "/api/health", { token: "not-a-key" })).json).toEqual({ ok: true });
  });

  it("adds the database, the last run and the snapshot for a read key", async () => {
    const runId = await recordPartialRun(t.db, 600);
    await readSnapshot();
    const { status, json } = await callRoute(GET, "/api/health");
    expect(status).toBe(200);
    expect(json.ok).toBe(true);
    expect(json.database).toMatchObject({ reachable: true, driver: driver });
    expect(json.database.latency_ms).toBeGreaterThanOrEqual(0);
    expect(json.last_run).toMatchObject({ id: runId, status: "partial", execution_time_ms: 4200, providers_reached: ["anthropic", "google", "openai"] });
    expect(json.last_run.age_seconds).toBeGreaterThanOrEqual(599);
    expect(json.last_run.age_seconds).toBeLessThan(700);
    expect(json.snapshot.loaded).toBe(true);
    expect(json.snapshot.models).toBeGreaterThan(0);
    expect(json.snapshot.age_seconds).toBeLessThan(5);
  });

  it("answers ready=1 with 200 while the database answers", async () => {
    const { status, json } = await callRoute(GET, "/api/health?ready=1", { token: null });
    expect(status).toBe(200);
    expect(json).toEqual({ ok: true, ready: true });
  });

  it("answers ready=1 with 503 while the database is unreachable, and liveness stays 200", async () => {
    setDb(await closedDb(driver));
    const ready = await callRoute(GET, "/api/health?ready=1", { token: null });
    expect(ready.status).toBe(503);
    expect(ready.json).toEqual({ ok: false, ready: false });
    expect((await callRoute(GET, "/api/health", { token: null })).status).toBe(200);
    const detailed = await callRoute(GET, "/api/health?ready=1", { token: ADMIN_TOKEN });
    expect(detailed.status).toBe(503);
    expect(detailed.json).toMatchObject({ ok: false, ready: false, database: { reachable: false }, last_run: null });
  });

  it("echoes a plain X-Request-Id and replaces a malformed one", async () => {
    const echoed = await callRoute(GET, "/api/health", { token: null, headers: { "x-request-id": "lb-check-42" } });
    expect(echoed.headers.get("x-request-id")).toBe("lb-check-42");
    const forged = await callRoute(GET, "/api/health", { token: null, headers: { "x-request-id": "a\" level=error" } });
    expect(forged.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const long = await callRoute(GET, "/api/health", { token: null, headers: { "x-request-id": "x".repeat(129) } });
    expect(long.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuses POST with 405", async () => {
    expect((await callRoute(POST, "/api/health", { method: "POST", token: null })).status).toBe(405);
  });
});
