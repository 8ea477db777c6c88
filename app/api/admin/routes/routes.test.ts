import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as pinRoute from "@/app/api/admin/models/[id]/pin/route";
import * as routeConfigRoute from "@/app/api/ai-model-config/routes/[name]/route";
import { resetConfigCache } from "@/lib/config/cache";
import { setDb } from "@/lib/db/client";
import { listEvents } from "@/lib/db/events-repo";
import { listModels } from "@/lib/db/models-repo";
import { listRouteChanges } from "@/lib/db/route-changes-repo";
import type { Db } from "@/lib/db/types";
import { startAppServer, type AppServer } from "@/tests/support/app-server";
import { ADMIN_TOKEN, closedDb, READ_KEY, setupConfigEnv, useRouteDb } from "@/tests/support/config-fixtures";
import { DRIVERS } from "@/tests/support/databases";
import * as oneRoute from "./[name]/route";
import * as routesRoute from "./route";

setupConfigEnv();

let server: AppServer;
beforeAll(async () => {
  server = await startAppServer({
    routes: [
      { path: "/api/admin/routes", module: routesRoute },
      { path: "/api/admin/routes/[name]", module: oneRoute },
      { path: "/api/admin/models/[id]/pin", module: pinRoute },
      { path: "/api/ai-model-config/routes/[name]", module: routeConfigRoute },
    ],
  });
});
afterAll(async () => server?.close());

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read what they assert
type Answer = { status: number; json: any };
async function call(method: string, path: string, body?: unknown, token = ADMIN_TOKEN): Promise<Answer> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: await res.json() };
}
const resolve = (name: string, token = READ_KEY) => call("GET", `/api/ai-model-config/routes/${name}`, undefined, token);

const SUMMARIZE = {
  name: "summarize",
  description: "Short summaries",
  steps: [{ model: "openai/gpt-5.5" }, { model: "anthropic/claude-3-5-haiku-20241022" }, { slot: "openai:fast" }, { select: { type: "fast", order: "price" } }],
};

describe.each(DRIVERS)("routes over HTTP on %s", (driver) => {
  const t = useRouteDb(driver, async (db) => {
    await db.query("update public.ai_model_configs set shutdown_date = '2026-01-01' where model_name = 'claude-3-5-haiku-20241022'");
  });
  let dead: Db;
  beforeAll(async () => {
    dead = await closedDb(driver);
  });

  it("creates a route (201), refuses a taken name (409) and a malformed route (400 naming the field)", async () => {
    const created = await call("POST", "/api/admin/routes", SUMMARIZE);
    expect(created.status).toBe(201);
    expect(created.json.route).toMatchObject({ name: "summarize", description: "Short summaries", updated_by: "admin-token", constraints: null });
    expect(created.json.route.steps[3]).toEqual({ select: { type: "fast", order: "price", include_preview: false } });
    const again = await call("POST", "/api/admin/routes", SUMMARIZE);
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("conflict");
    for (const [body, field] of [
      [{ ...SUMMARIZE, name: "Bad Name" }, "name"],
      [{ ...SUMMARIZE, name: "x", steps: [{ slot: "openai:legacy" }] }, "steps.0.slot"],
      [{ ...SUMMARIZE, name: "x", steps: [{ select: { min_context: "lots" } }] }, "steps.0.select.min_context"],
      [{ ...SUMMARIZE, name: "x", steps: [] }, "steps"],
      [{ ...SUMMARIZE, name: "x", ttl: 3 }, "ttl"],
    ] as const) {
      const bad = await call("POST", "/api/admin/routes", body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.json.error.issues[0].path).toBe(field);
    }
    expect((await call("POST", "/api/admin/routes", SUMMARIZE, READ_KEY)).status).toBe(403);
  });

  it("answers the first step that resolves, with every step's resolution and why steps were skipped", async () => {
    const r = await resolve("summarize");
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ success: true, route: "summarize", model_name: "gpt-5-mini", provider: "openai", model_type: "fast", source: "database" });
    expect(r.json.chain).toEqual([
      { step: { model: "openai/gpt-5.5" }, skipped: true, reason: "unknown model openai/gpt-5.5", used: false },
      { step: { model: "anthropic/claude-3-5-haiku-20241022" }, skipped: true, reason: "claude-3-5-haiku-20241022 shut down on 2026-01-01", used: false },
      { step: { slot: "openai:fast" }, provider: "openai", model_name: "gpt-5-mini", skipped: false, used: true },
      { step: { select: { type: "fast", order: "price", include_preview: false } }, provider: "openai", model_name: "gpt-5-nano", skipped: false, used: false },
    ]);
    expect((await resolve("nothing-here")).json.error.code).toBe("not_found");
    expect((await resolve("nothing-here")).status).toBe(404);
    expect((await resolve("Bad%20Name")).status).toBe(400);
  });

  it("follows a pin at once: the slot step answers the newly pinned model", async () => {
    const nano = (await listModels(t.db)).find((m) => m.model_name === "gpt-5-nano")!;
    await resolve("summarize"); // the snapshot is warm
    expect((await call("POST", `/api/admin/models/${nano.id}/pin`, {})).status).toBe(200);
    expect((await resolve("summarize")).json.model_name).toBe("gpt-5-nano");
    const listed = await call("GET", "/api/admin/routes");
    expect(listed.json.routes).toHaveLength(1);
    expect(listed.json.routes[0].resolved).toMatchObject({ model: { model_name: "gpt-5-nano" }, chain: expect.arrayContaining([expect.objectContaining({ used: true, model_name: "gpt-5-nano" })]) });
  });

  it("answers 404 no_match with the chain when no step resolves", async () => {
    const created = await call("POST", "/api/admin/routes", { name: "nowhere", steps: [{ model: "mistral/gone" }, { select: { min_context: 90_000_000 } }] });
    expect(created.status).toBe(201);
    const r = await resolve("nowhere");
    expect(r.status).toBe(404);
    expect(r.json.error.code).toBe("no_match");
    expect(r.json.chain).toEqual([
      expect.objectContaining({ skipped: true, reason: "unknown model mistral/gone" }),
      expect.objectContaining({ skipped: true, reason: "no model matches the select query" }),
    ]);
  });

  it("replaces a route whole with PUT and deletes it, each edit audited and announced", async () => {
    const replaced = { name: "summarize", steps: [{ slot: "anthropic:fast" }], constraints: { capabilities: ["vision"] } };
    const put = await call("PUT", "/api/admin/routes/summarize", replaced);
    expect(put.status).toBe(200);
    expect(put.json.route).toMatchObject({ name: "summarize", description: null, steps: [{ slot: "anthropic:fast" }], constraints: { capabilities: ["vision"] } });
    expect((await resolve("summarize")).json.model_name).toBe("claude-haiku-4-5");
    expect((await call("PUT", "/api/admin/routes/summarize", { ...replaced, name: "other" })).status).toBe(400);
    expect((await call("PUT", "/api/admin/routes/missing", { ...replaced, name: "missing" })).status).toBe(404);

    const one = await call("GET", "/api/admin/routes/summarize");
    expect(one.json.route.resolved.model.model_name).toBe("claude-haiku-4-5");
    expect(one.json.history.map((h: { action: string }) => h.action)).toEqual(["updated", "created"]);

    expect((await call("DELETE", "/api/admin/routes/summarize")).status).toBe(200);
    expect((await call("DELETE", "/api/admin/routes/summarize")).status).toBe(404);
    expect((await call("GET", "/api/admin/routes/summarize")).status).toBe(404);
    expect((await resolve("summarize")).status).toBe(404);

    const audit = await listRouteChanges(t.db, { name: "summarize" });
    expect(audit.map((a) => [a.action, a.changed_by])).toEqual([["deleted", "admin-token"], ["updated", "admin-token"], ["created", "admin-token"]]);
    expect(audit[1]).toMatchObject({ before: { description: "Short summaries", steps: expect.arrayContaining(SUMMARIZE.steps.slice(0, 3)) }, after: { steps: [{ slot: "anthropic:fast" }] } });
    expect(audit[0]).toMatchObject({ before: { name: "summarize" }, after: null });
    const events = (await listEvents(t.db, { type: "route.changed" })).filter((e) => e.data.name === "summarize");
    expect(events.map((e) => e.data.action).sort()).toEqual(["created", "deleted", "updated"]);
    expect(events.find((e) => e.data.action === "updated")?.data).toMatchObject({ before: { description: "Short summaries" }, after: { constraints: { capabilities: ["vision"] } } });
  });

  it("keeps answering routes from the last snapshot while the database is down", async () => {
    let clock = 9_000_000;
    resetConfigCache({ now: () => clock });
    expect((await resolve("nowhere")).status).toBe(404);
    await call("POST", "/api/admin/routes", { name: "fast-lane", steps: [{ slot: "google:fast" }] });
    expect((await resolve("fast-lane")).json).toMatchObject({ model_name: "gemini-2.5-flash", source: "database" });
    setDb(dead);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      clock += 10 * 60_000;
      expect((await resolve("fast-lane")).json).toMatchObject({ model_name: "gemini-2.5-flash", source: "fallback" });
      expect((await call("GET", "/api/admin/routes")).status).toBe(503);
      resetConfigCache(); // never read since the start: routes live only in the registry
      const never = await resolve("fast-lane");
      expect(never.status).toBe(503);
      expect(never.json.error.code).toBe("service_unavailable");
    } finally {
      logged.mockRestore();
      setDb(t.db);
    }
  });
});
