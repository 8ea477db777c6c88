import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resetConfigCache } from "@/lib/config/cache";
import { setDb } from "@/lib/db/client";
import { startAppServer, type AppServer } from "@/tests/support/app-server";
import { closedDb, READ_KEY, setupConfigEnv, useRouteDb } from "@/tests/support/config-fixtures";
import { DRIVERS } from "@/tests/support/databases";
import type { Db } from "@/lib/db/types";

setupConfigEnv();

// Yesterday: the shutdown date has passed, but no run has retired the model yet.
const YESTERDAY = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

let server: AppServer;
beforeAll(async () => {
  server = await startAppServer();
});
afterAll(async () => server?.close());

async function get(path: string) {
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${READ_KEY}` } });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read what they assert
  return { status: res.status, json: (await res.json()) as any };
}
async function validate(model_name: string) {
  const res = await fetch(`${server.url}/api/ai-model-config/validate`, {
    method: "POST",
    headers: { authorization: `Bearer ${READ_KEY}`, "content-type": "application/json" },
    body: JSON.stringify({ provider: "openai", model_name }),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read what they assert
  return (await res.json()) as any;
}

describe.each(DRIVERS)("a model past its shutdown date, over HTTP on %s", (driver) => {
  const t = useRouteDb(driver, async (db) => {
    // The fast default shut down yesterday; the registry still holds it as the active default.
    await db.query("update public.ai_model_configs set shutdown_date = $1, successor = 'gpt-5-nano' where model_name = 'gpt-5-mini'", [YESTERDAY]);
  });

  // Opened before any request: a long pause between requests would outlast the server's keep-alive.
  let dead: Db;
  beforeAll(async () => {
    dead = await closedDb(driver);
  });

  it("is never valid: not from the database, not from the snapshot", async () => {
    const fresh = await validate("gpt-5-mini");
    expect(fresh).toMatchObject({ valid: false, source: "database", reason: `gpt-5-mini shut down on ${YESTERDAY}`, model: { is_active: false, is_default: false } });
    const cached = await validate("gpt-5-mini-2025-08-07");
    expect(cached).toMatchObject({ valid: false, source: "cache", model: { model_name: "gpt-5-mini" } });
    expect(await validate("gpt-5-nano")).toMatchObject({ valid: true });
  });

  it("is never the answered default: the best eligible model of its tier stands in", async () => {
    const { status, json } = await get("/api/ai-model-config?provider=openai&type=fast");
    expect(status).toBe(200);
    expect(json).toMatchObject({ model_name: "gpt-5-nano", model_type: "fast", successor: null });
    const providers = await get("/api/ai-model-config/providers");
    expect(providers.json.providers.openai.fast.model_name).toBe("gpt-5-nano");
  });

  it("carries its stated successor on /all rows", async () => {
    const { json } = await get("/api/ai-model-config/all?provider=openai");
    const row = json.models.find((m: { model_name: string }) => m.model_name === "gpt-5-mini");
    expect(row).toMatchObject({ successor: "gpt-5-nano", shutdown_date: YESTERDAY, deactivation_reason: null });
    expect(json.models.every((m: object) => "successor" in m && "confirmed_at" in m)).toBe(true);
  });

  it("is not served from the last snapshot when the database goes down", async () => {
    let clock = 1_000_000;
    resetConfigCache({ now: () => clock });
    expect((await get("/api/ai-model-config?provider=openai&type=fast")).json).toMatchObject({ model_name: "gpt-5-nano", source: "database" });
    setDb(dead);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      clock += 10 * 60_000; // past the TTL: answers come from the last snapshot, as fallback
      const down = await get("/api/ai-model-config?provider=openai&type=fast");
      expect(down.json).toMatchObject({ source: "fallback" });
      expect(down.json.model_name).not.toBe("gpt-5-mini");
      expect((await validate("gpt-5-mini")).valid).toBe(false);
    } finally {
      logged.mockRestore();
      setDb(t.db);
    }
  });
});
