import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getFallbackDefault } from "@/lib/catalog";
import { invalidateConfigCache, resetConfigCache } from "@/lib/config/cache";
import { setDb } from "@/lib/db/client";
import { startAppServer, type AppServer } from "@/tests/support/app-server";
import { READ_KEY, makeDefault, setupConfigEnv } from "@/tests/support/config-fixtures";
import { createTestDb, type TestDatabase } from "@/tests/support/databases";
import { createModelClient, type ModelClientOptions } from "./model-client";
import type { ModelConfigError } from "./types";

setupConfigEnv();

describe("createModelClient against a real server", () => {
  let t: TestDatabase;
  let server: AppServer;
  let clock = 0;
  const errors: ModelConfigError[] = [];
  const configCalls = () => server.requests.filter((r) => r.startsWith("GET /api/ai-model-config?")).length;
  const client = (extra: Partial<ModelClientOptions> = {}) =>
    createModelClient({ baseUrl: server.url + "/", apiKey: READ_KEY, now: () => clock, onError: (e) => errors.push(e), ...extra });

  beforeAll(async () => {
    t = await createTestDb("pglite");
    await makeDefault(t.db, "openai", "flagship", "gpt-registry-flagship");
    setDb(t.db);
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
  });

  it("answers the registry's default and serves the next calls from its cache with one request", async () => {
    const c = client();
    expect(await c.getModel("openai", "flagship")).toBe("gpt-registry-flagship");
    expect(await c.getModel("openai")).toBe("gpt-registry-flagship");
    const config = await c.getModelConfig("openai", "flagship");
    expect(config).toMatchObject({ model_name: "gpt-registry-flagship", provider: "openai", from: "cache" });
    expect(configCalls()).toBe(1);
    expect(errors).toEqual([]);
  });

  it("sends one request for many concurrent calls of the same provider and type", async () => {
    const c = client();
    const names = await Promise.all(Array.from({ length: 8 }, () => c.getModel("anthropic", "fast")));
    expect(new Set(names).size).toBe(1);
    expect(configCalls()).toBe(1);
  });

  it("asks again once the TTL has passed, revalidating with the ETag, and sees a changed default", async () => {
    const statuses: number[] = [];
    const c = client({
      ttlMs: 1_000,
      fetch: async (...args) => {
        const res = await fetch(...args);
        statuses.push(res.status);
        return res;
      },
    });
    await c.getModel("google", "flagship");
    clock += 500;
    await c.getModel("google", "flagship");
    expect(configCalls()).toBe(1);
    clock += 600;
    expect((await c.getModelConfig("google", "flagship")).from).toBe("network");
    expect(statuses).toEqual([200, 304]);
    await makeDefault(t.db, "google", "flagship", "gemini-registry-next");
    invalidateConfigCache();
    clock += 1_100;
    expect(await c.getModel("google", "flagship")).toBe("gemini-registry-next");
    expect(statuses).toEqual([200, 304, 200]);
  });

  it("keeps answering its stale copy when the server goes down, and reports the failure", async () => {
    const own = await startAppServer();
    const c = createModelClient({ baseUrl: own.url, apiKey: READ_KEY, ttlMs: 1_000, now: () => clock, onError: (e) => errors.push(e) });
    expect(await c.getModel("openai", "flagship")).toBe("gpt-registry-flagship");
    await own.close();
    clock += 2_000;
    const stale = await c.getModelConfig("openai", "flagship");
    expect(stale).toMatchObject({ model_name: "gpt-registry-flagship", from: "stale" });
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/unreachable/);
  });

  it("answers the built-in default when the server is down and nothing is cached", async () => {
    const own = await startAppServer();
    await own.close();
    const c = createModelClient({ baseUrl: own.url, now: () => clock, onError: (e) => errors.push(e) });
    const config = await c.getModelConfig("mistral", "fast");
    expect(config).toMatchObject({ model_name: getFallbackDefault("mistral", "fast").model_name, from: "builtin", source: "fallback" });
    expect(errors).toHaveLength(1);
  });

  it("never throws: a wrong key gives the built-in default, a 401 to onError, and no retry storm", async () => {
    const c = client({ apiKey: "wrong-key-123456", onError: (e) => {
      errors.push(e);
      throw new Error("a broken error handler");
    } });
    expect(await c.getModel("openai", "flagship")).toBe(getFallbackDefault("openai", "flagship").model_name);
    expect(await c.getModel("openai", "flagship")).toBe(getFallbackDefault("openai", "flagship").model_name);
    expect(errors.map((e) => e.status)).toEqual([401]);
    expect(configCalls()).toBe(1);
  });

  it("rejects a provider or type outside the contract with an error naming it, without asking the API", async () => {
    const c = client();
    await expect(c.getModel("acme" as never, "flagship")).rejects.toThrow(/Unknown provider "acme": use one of openai, anthropic, google, mistral/);
    await expect(c.getModelConfig("openai", "huge" as never)).rejects.toThrow(/Unknown model type "huge"/);
    expect(configCalls()).toBe(0);
  });

  it("answers the built-in default and tells onError when no base URL is set", async () => {
    const seen: ModelConfigError[] = [];
    const c = createModelClient({ baseUrl: undefined, onError: (e) => seen.push(e) });
    expect(await c.getModel("openai", "fast")).toBe(getFallbackDefault("openai", "fast").model_name);
    expect((await c.getModelConfig("mistral")).from).toBe("builtin");
    expect(seen[0].message).toMatch(/baseUrl/);
  });
});
