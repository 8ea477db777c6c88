import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { invalidateConfigCache, resetConfigCache } from "@/lib/config/cache";
import { setDb } from "@/lib/db/client";
import { createRoute } from "@/lib/registry/create-route";
import { deleteRoute } from "@/lib/registry/delete-route";
import { startAppServer, type AppServer } from "@/tests/support/app-server";
import { READ_KEY, makeDefault, setupConfigEnv } from "@/tests/support/config-fixtures";
import { createTestDb, type TestDatabase } from "@/tests/support/databases";
import { createModelManagerProvider } from "./ai-sdk";
import { createModelClient, type ModelClientOptions } from "./model-client";
import type { ModelConfigError } from "./types";

setupConfigEnv();

describe("getRoute and select against a real server", () => {
  let t: TestDatabase;
  let server: AppServer;
  let clock = 0;
  const errors: ModelConfigError[] = [];
  const calls = (prefix: string) => server.requests.filter((r) => r.startsWith(`GET ${prefix}`)).length;
  const client = (extra: Partial<ModelClientOptions> = {}) =>
    createModelClient({ baseUrl: server.url, apiKey: READ_KEY, now: () => clock, onError: (e) => errors.push(e), ...extra });
  const ctx = () => ({ db: t.db, actor: "test" });

  beforeAll(async () => {
    t = await createTestDb("pglite");
    await makeDefault(t.db, "anthropic", "fast", "claude-registry-fast");
    setDb(t.db);
    await createRoute({ ctx: ctx(), input: { name: "summarize", steps: [{ model: "openai/no-such-model" }, { slot: "anthropic:fast" }] } });
    resetConfigCache();
    server = await startAppServer();
  });
  afterAll(async () => {
    await server?.close();
    setDb(undefined);
    await t?.close();
  });
  beforeEach(() => {
    clock = 1_000_000;
    errors.length = 0;
    server.requests.length = 0;
    resetConfigCache();
  });

  it("answers a route's first step that resolves with its whole chain, cached and revalidated by ETag", async () => {
    const c = client({ ttlMs: 1_000 });
    const first = await c.getRoute("summarize");
    expect(first).toMatchObject({ model_name: "claude-registry-fast", provider: "anthropic", from: "network" });
    expect(first.chain).toHaveLength(2);
    expect(first.chain[0]).toMatchObject({ skipped: true, reason: expect.any(String) });
    expect(first.chain[1]).toMatchObject({ model_name: "claude-registry-fast" });
    expect((await c.getRoute("summarize")).from).toBe("cache");
    expect(calls("/api/ai-model-config/routes/summarize")).toBe(1);
    clock += 2_000;
    expect(await c.getRoute("summarize")).toMatchObject({ from: "network", model_name: "claude-registry-fast" });
    expect(calls("/api/ai-model-config/routes/summarize")).toBe(2);
  });

  it("keeps answering the cached route, chain included, when the API goes away", async () => {
    const c = client({ ttlMs: 1_000 });
    await c.getRoute("summarize");
    await server.close();
    try {
      clock += 2_000;
      const stale = await c.getRoute("summarize");
      expect(stale).toMatchObject({ from: "stale", model_name: "claude-registry-fast" });
      expect(stale.chain).toHaveLength(2);
      expect(errors[0].message).toMatch(/unreachable/);
    } finally {
      server = await startAppServer();
    }
  });

  it("answers the fallback slot for a route with nothing cached that fails, and says so", async () => {
    const c = client();
    const unknown = await c.getRoute("no-such-route", { fallback: "anthropic:fast" });
    expect(unknown).toMatchObject({ from: "fallback", model_name: "claude-registry-fast", chain: [] });
    expect(errors[0]).toMatchObject({ status: 404, code: "not_found" });
    const defaulted = await createModelClient({ baseUrl: "http://127.0.0.1:9", onError: () => {}, timeoutMs: 300 }).getRoute("summarize");
    expect(defaulted).toMatchObject({ from: "fallback", provider: "openai" });
    await expect(c.getRoute("Bad Name")).rejects.toMatchObject({ code: "invalid_route" });
  });

  it("selects across providers with the same query string for equal queries, and caches by query", async () => {
    const c = client();
    const a = await c.select({ type: "fast", providers: ["anthropic", "openai"], order: "rank" });
    expect(a).toMatchObject({ from: "network", provider: "anthropic", model_name: "claude-registry-fast" });
    expect(a.matched).toBeGreaterThan(1);
    expect(a.alternatives.length).toBeGreaterThan(0);
    expect((await c.select({ order: "rank", providers: ["anthropic", "openai"], type: "fast" })).from).toBe("cache");
    expect(calls("/api/ai-model-config/select")).toBe(1);
    const cheap = await c.select({ capabilities: ["vision"], order: "price", min_context: 100_000 });
    expect(cheap.pricing.input_per_mtok).not.toBeNull();
    for (const alt of cheap.alternatives) expect(alt.pricing.input_per_mtok!).toBeGreaterThanOrEqual(cheap.pricing.input_per_mtok!);
  });

  it("answers the fallback slot when nothing matches or the API is down, never throwing", async () => {
    const c = client();
    const none = await c.select({ providers: ["google"], max_input_price: 0.000001 });
    expect(none).toMatchObject({ from: "fallback", provider: "google", matched: 0, alternatives: [] });
    expect(errors[0]).toMatchObject({ status: 404, code: "no_match" });
    const down = await createModelClient({ baseUrl: "http://127.0.0.1:9", onError: () => {}, timeoutMs: 300 }).select({ type: "fast", providers: ["mistral"] });
    expect(down).toMatchObject({ from: "fallback", provider: "mistral" });
  });

  it("resolves route: ids in the AI SDK provider at call time", async () => {
    const c = client({ ttlMs: 0 });
    const amm = createModelManagerProvider({ client: c });
    expect((await amm.resolve("route:summarize")).model).toMatchObject({ modelId: "claude-registry-fast", provider: expect.stringMatching(/^anthropic\./) });
    await deleteRoute({ ctx: ctx(), input: { name: "summarize" } });
    await createRoute({ ctx: ctx(), input: { name: "summarize", steps: [{ model: "openai/gpt-5" }] } });
    invalidateConfigCache();
    expect((await amm.resolve("route:summarize")).model).toMatchObject({ modelId: "gpt-5", provider: expect.stringMatching(/^openai\./) });
  });
});
