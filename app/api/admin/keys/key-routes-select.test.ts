import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetConfigCache } from "@/lib/config/cache";
import { setDb } from "@/lib/db/client";
import { resetUsage } from "@/lib/keys/usage";
import { createKey } from "@/lib/registry/create-key";
import { createRoute } from "@/lib/registry/create-route";
import { CONFIG_ROUTES, startAppServer, type AppServer } from "@/tests/support/app-server";
import { ADMIN_TOKEN, setupConfigEnv } from "@/tests/support/config-fixtures";
import { DRIVERS, createTestDb, type TestDatabase } from "@/tests/support/databases";
import * as usageRoute from "./usage/route";

setupConfigEnv();

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read what they assert
type Json = any;

// Named routes and selects read with service keys: their overrides and their read counts.
describe.each(DRIVERS)("routes and selects read with service keys on %s", (driver) => {
  let t: TestDatabase;
  let server: AppServer;
  const get = async (path: string, token: string): Promise<{ status: number; json: Json }> => {
    const res = await fetch(server.url + path, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, json: await res.json() };
  };
  const key = async (name: string, overrides: Record<string, string> = {}) =>
    (await createKey({ ctx: { db: t.db, actor: "test" }, input: { name, overrides } })).secret;

  beforeAll(async () => {
    t = await createTestDb(driver);
    setDb(t.db);
    const ctx = { db: t.db, actor: "test" };
    await createRoute({ ctx, input: { name: "summarize", steps: [{ slot: "anthropic:flagship" }] } });
    await createRoute({ ctx, input: { name: "cheap", steps: [{ model: "openai/gpt-5-nano" }] } });
    await createRoute({ ctx, input: { name: "dead-end", steps: [{ model: "openai/gpt-0" }] } });
    server = await startAppServer({ routes: [...CONFIG_ROUTES, { path: "/api/admin/keys/usage", module: usageRoute }] });
  });
  afterAll(async () => {
    await server?.close();
    resetUsage();
    setDb(undefined);
    await t?.close();
  });
  beforeEach(async () => {
    setDb(t.db);
    resetConfigCache();
    resetUsage();
    await t.db.query("delete from public.ai_service_keys");
  });

  it("answers a route override with another route or a fixed model, with override: true; other keys read the route", async () => {
    const toRoute = await key("a", { "route:summarize": "route:cheap", "openai:fast": "route:cheap" });
    const toModel = await key("b", { "route:summarize": "openai/gpt-5-mini" });
    const plain = await key("c");
    const normal = (await get("/api/ai-model-config/routes/summarize", plain)).json;
    expect(normal).toMatchObject({ route: "summarize", provider: "anthropic" });
    expect(normal.override).toBeUndefined();
    expect((await get("/api/ai-model-config/routes/summarize", toRoute)).json).toMatchObject({
      model_name: "gpt-5-nano", route: "summarize", override: true, chain: [{ step: { model: "openai/gpt-5-nano" }, used: true }],
    });
    expect((await get("/api/ai-model-config/routes/summarize", toModel)).json).toMatchObject({
      model_name: "gpt-5-mini", route: "summarize", override: true, chain: [{ step: { model: "openai/gpt-5-mini" }, model_name: "gpt-5-mini", used: true }],
    });
    expect((await get("/api/ai-model-config?provider=openai&type=fast", toRoute)).json).toMatchObject({ model_name: "gpt-5-nano", override: true });
  });

  it("falls back to the normal answer with a warning when a route override cannot be followed", async () => {
    const k = await key("d", { "route:summarize": "route:nope", "google:flagship": "route:dead-end" });
    const route = (await get("/api/ai-model-config/routes/summarize", k)).json;
    expect(route).toMatchObject({ provider: "anthropic", override_warning: expect.stringContaining("route:nope") });
    expect(route.override).toBeUndefined();
    const slot = (await get("/api/ai-model-config?provider=google&type=flagship", k)).json;
    expect(slot).toMatchObject({ model_name: "gemini-2.5-pro", override_warning: expect.stringContaining("no active model") });
    expect((await get("/api/ai-model-config/routes/unknown", k)).status).toBe(404);
  });

  it("counts route reads by name and select reads by their normalised question", async () => {
    const k = await key("search");
    await get("/api/ai-model-config/routes/summarize", k);
    await get("/api/ai-model-config/routes/summarize", k);
    expect((await get("/api/ai-model-config/select?capabilities=vision,reasoning&type=flagship", k)).status).toBe(200);
    expect((await get("/api/ai-model-config/select?type=flagship&capabilities=reasoning,vision", k)).status).toBe(200);
    expect((await t.db.query("select count(*)::int as n from public.ai_service_key_usage"))[0]).toEqual({ n: 0 });
    const usage = (await get("/api/admin/keys/usage", ADMIN_TOKEN)).json;
    const of = (kind: string) => usage.targets.filter((x: Json) => x.kind === kind).map((x: Json) => [x.target, x.services.map((s: Json) => `${s.name}:${s.count}`)]);
    expect(of("route")).toEqual([["summarize", ["search:2"]]]);
    expect(of("select")).toEqual([[expect.stringContaining("capabilities=reasoning,vision"), ["search:2"]]]);
  });
});
