import { describe, expect, it, vi } from "vitest";
import { historyResponseSchema } from "@/lib/config/schemas";
import { setDb } from "@/lib/db/client";
import { callRoute, closedDb, setupConfigEnv, useRouteDb } from "@/tests/support/config-fixtures";
import { DRIVERS } from "@/tests/support/databases";
import { GET, PUT } from "./route";

setupConfigEnv();

describe.each(DRIVERS)("GET /api/ai-model-config/history on %s", (driver) => {
  useRouteDb(driver, async (db) => {
      for (let day = 1; day <= 12; day++) {
        await db.query(
          "insert into public.ai_model_update_logs (run_date, status, trigger, models_discovered) values ($1::timestamptz, 'success', 'cron', $2)",
          [`2025-10-${String(day).padStart(2, "0")}T03:00:00Z`, day],
        );
      }
  });

  it("answers the ten newest runs first when no limit is given", async () => {
    const { status, json } = await callRoute(GET, "/api/ai-model-config/history");
    expect(status).toBe(200);
    const body = historyResponseSchema.parse(json);
    expect(body.logs.map((l) => l.models_discovered)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3]);
    expect(body.logs[0].run_date).toBe("2025-10-12T03:00:00.000Z");
  });

  it("honours the limit", async () => {
    const { json } = await callRoute(GET, "/api/ai-model-config/history?limit=2");
    expect(json.logs.map((l: { models_discovered: number }) => l.models_discovered)).toEqual([12, 11]);
    expect((await callRoute(GET, "/api/ai-model-config/history?limit=100")).json.logs).toHaveLength(12);
  });

  it("answers 503 when the database is down", async () => {
    setDb(await closedDb(driver));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect((await callRoute(GET, "/api/ai-model-config/history")).status).toBe(503);
    } finally {
      logged.mockRestore();
    }
  });
});

describe("bad requests to /api/ai-model-config/history", () => {
  it.each(["0", "101", "abc", "2.5"])("rejects limit=%s with 400 naming limit", async (limit) => {
    const { status, json } = await callRoute(GET, `/api/ai-model-config/history?limit=${limit}`);
    expect(status).toBe(400);
    expect(json.error.message).toContain('"limit"');
  });
  it("refuses PUT with 405 and no token with 401", async () => {
    expect((await callRoute(PUT, "/api/ai-model-config/history", { method: "PUT" })).status).toBe(405);
    expect((await callRoute(GET, "/api/ai-model-config/history", { token: null })).status).toBe(401);
  });
});
