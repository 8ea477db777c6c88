import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetConfigCache } from "@/lib/config/cache";
import { setDb } from "@/lib/db/client";
import { startAppServer, type AppServer } from "@/tests/support/app-server";
import { READ_KEY, setupConfigEnv } from "@/tests/support/config-fixtures";
import { createTestDb, type TestDatabase } from "@/tests/support/databases";
import { deprecationNotice, type DeprecationNotice } from "./deprecation";
import { createModelClient } from "./model-client";

setupConfigEnv();

const NOW = Date.parse("2026-12-01T00:00:00Z");

describe("the TypeScript client's deprecation warning, against a real server", () => {
  let t: TestDatabase;
  let server: AppServer;
  beforeAll(async () => {
    t = await createTestDb("pglite");
    await t.db.query("update public.ai_model_configs set shutdown_date = '2026-12-21' where model_name = 'claude-haiku-4-5'");
    await t.db.query("update public.ai_model_configs set shutdown_date = '2027-06-01' where model_name = 'claude-sonnet-4-5'");
    setDb(t.db);
    resetConfigCache();
    server = await startAppServer();
  });
  afterAll(async () => {
    await server?.close();
    setDb(undefined);
    await t?.close();
  });

  it("warns once per model within 30 days of its shutdown, and never for a model further away or without a date", async () => {
    const notices: DeprecationNotice[] = [];
    let clock = NOW;
    const c = createModelClient({ baseUrl: server.url, apiKey: READ_KEY, ttlMs: 1000, now: () => clock, onDeprecation: (n) => notices.push(n), onError: () => undefined });
    expect(await c.getModel("anthropic", "fast")).toBe("claude-haiku-4-5");
    clock += 5000; // expired: asked again, still the same model
    await c.getModel("anthropic", "fast");
    await c.getModel("anthropic", "flagship");
    await c.getModel("openai", "flagship");
    expect(notices).toEqual([{ provider: "anthropic", type: "fast", model_name: "claude-haiku-4-5", shutdown_date: "2026-12-21", days_left: 20, successor: null }]);
  });
});

describe("deprecationNotice", () => {
  const base = { model_name: "m", provider: "openai" as const, model_type: "fast", display_name: null, capabilities: {}, pricing: { input_per_mtok: null, output_per_mtok: null }, context_window: null, max_tokens: null, source: "database" as const };
  it.each([
    ["2026-12-31", 30],
    ["2026-12-01", 0],
    ["2026-11-01", -30],
  ])("notices a shutdown on %s (%i days left)", (date, days) => {
    expect(deprecationNotice({ ...base, shutdown_date: date, successor: "m2" }, "fast", NOW)).toMatchObject({ days_left: days, successor: "m2" });
  });
  it("ignores 31 days out and no date", () => {
    expect(deprecationNotice({ ...base, shutdown_date: "2027-01-01" }, "fast", NOW)).toBeNull();
    expect(deprecationNotice({ ...base, shutdown_date: null }, "fast", NOW)).toBeNull();
  });
});
