import { createHmac } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openPglite } from "@/lib/db/drivers/pglite";
import { openPostgres } from "@/lib/db/drivers/postgres";
import { listDeliveries } from "@/lib/db/events-repo";
import type { Db } from "@/lib/db/types";
import { moveDefaults } from "@/lib/registry/move-defaults";
import { DRIVERS, createTestDb, type Driver, type TestDatabase } from "@/tests/support/databases";
import { startWebhookReceiver, type WebhookReceiver } from "@/tests/support/webhook-receiver";
import { deliveriesForApi } from "./deliveries";
import { emitEvent } from "./events";
import { deliveryRequest } from "./send";
import { nextAttemptAt, workOutbox } from "./worker";

const SECRET = "whsec-test-0123456789";
let receiver: WebhookReceiver;
const saved = { urls: process.env.ALERT_WEBHOOK_URLS, secret: process.env.ALERT_WEBHOOK_SECRET };
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver?.close();
  process.env.ALERT_WEBHOOK_URLS = saved.urls ?? "";
  process.env.ALERT_WEBHOOK_SECRET = saved.secret ?? "";
});
beforeEach(async () => {
  await receiver.up();
  receiver.received.length = 0;
  receiver.status = 200;
  process.env.ALERT_WEBHOOK_URLS = `${receiver.url}?token=hook-query-secret`;
  process.env.ALERT_WEBHOOK_SECRET = SECRET;
});

const change = { provider: "openai" as const, model_type: "fast" as const, from: "gpt-5-mini", to: "gpt-5-nano", reason: "test move" };

/** A database that survives its process handle: a PGlite directory or a PostgreSQL database, reopened by a "new process". */
async function durableDb(driver: Driver): Promise<{ db: Db; reopen: () => Promise<Db>; dispose: () => Promise<void> }> {
  if (driver === "postgres") {
    const t = await createTestDb("postgres", { seed: true });
    return { db: t.db, reopen: async () => openPostgres(t.url!), dispose: async () => undefined };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "amm-outbox-"));
  const { migrate } = await import("@/lib/db/migrate");
  const { seedFromCatalog } = await import("@/lib/db/seed");
  const db = await openPglite(dir);
  await migrate(db);
  await seedFromCatalog(db);
  return { db, reopen: () => openPglite(dir), dispose: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

describe.each(DRIVERS)("webhook outbox on %s", (driver) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDb(driver);
  });
  afterEach(async () => t?.close());

  it("delivers a change's event signed by the documented recipe, with the event headers and body", async () => {
    await t.db.transaction((tx) => moveDefaults(tx, [change], { changedBy: "test" }));
    await workOutbox(t.db);
    const [hook] = await receiver.waitFor(1);
    expect(hook.path).toBe("/hook?token=hook-query-secret");
    const body = JSON.parse(hook.body);
    expect(body).toMatchObject({ type: "default.changed", data: { provider: "openai", model_type: "fast", from: "gpt-5-mini", to: "gpt-5-nano", reason: "test move" } });
    expect(Object.keys(body).sort()).toEqual(["created_at", "data", "id", "type"]);
    expect(hook.headers["x-amm-event"]).toBe("default.changed");
    const ts = String(hook.headers["x-amm-timestamp"]);
    expect(Math.abs(Number(ts) - Date.now() / 1000)).toBeLessThan(120);
    const expected = `sha256=${createHmac("sha256", Buffer.from(SECRET, "utf8")).update(`${ts}.${hook.body}`).digest("hex")}`;
    expect(hook.headers["x-amm-signature"]).toBe(expected);
    const [delivery] = await listDeliveries(t.db);
    expect(delivery).toMatchObject({ status: "delivered", attempts: 1, last_status: 200, id: hook.headers["x-amm-delivery"] });
  });

  it("sends unsigned deliveries when no secret is set", async () => {
    process.env.ALERT_WEBHOOK_SECRET = "";
    await t.db.transaction((tx) => emitEvent(tx, "alert.raised", { message: "hello" }));
    await workOutbox(t.db);
    const [hook] = await receiver.waitFor(1);
    expect(hook.headers["x-amm-signature"]).toBeUndefined();
  });

  it("retries a receiver that is down, later, with the same delivery id, and records each attempt", async () => {
    await receiver.down();
    await t.db.transaction((tx) => emitEvent(tx, "run.failed", { run_id: "r1" }));
    const start = new Date();
    expect(await workOutbox(t.db, { now: () => start })).toEqual({ delivered: 0, failed: 1 });
    const [failed] = await listDeliveries(t.db);
    expect(failed).toMatchObject({ status: "pending", attempts: 1, last_status: null, last_error: expect.stringContaining("network error") });
    expect(Date.parse(failed.next_attempt_at) - start.getTime()).toBeLessThanOrEqual(30_000);
    const shown = await deliveriesForApi(t.db);
    expect(shown.deliveries[0].url).toBe(receiver.url);
    expect(JSON.stringify(shown)).not.toContain("hook-query-secret");
    expect(await workOutbox(t.db, { now: () => start })).toEqual({ delivered: 0, failed: 0 }); // not due yet

    await receiver.up();
    receiver.status = 503;
    await workOutbox(t.db, { now: () => new Date(start.getTime() + 31_000) });
    receiver.status = 200;
    expect(await workOutbox(t.db, { now: () => new Date(start.getTime() + 10 * 60_000) })).toEqual({ delivered: 1, failed: 0 });
    const hooks = await receiver.waitFor(2);
    expect(hooks.map((h) => h.headers["x-amm-delivery"])).toEqual([failed.id, failed.id]);
    expect((await listDeliveries(t.db))[0]).toMatchObject({ status: "delivered", attempts: 3 });
  });
});

describe.each(DRIVERS)("a crash between the change and its delivery, on %s", (driver) => {
  it("still delivers: the event was committed with the change, and the next process sends it", async () => {
    const d = await durableDb(driver);
    try {
      await d.db.transaction((tx) => moveDefaults(tx, [change], { changedBy: "test" }));
      // A change that fails after its event was written leaves neither behind.
      await expect(d.db.transaction(async (tx) => {
        await moveDefaults(tx, [{ ...change, from: "gpt-5-nano", to: "gpt-5-mini" }], { changedBy: "test" });
        throw new Error("crash mid-change");
      })).rejects.toThrow("crash");
      await d.db.close(); // the process dies before any delivery
      const next = await d.reopen();
      try {
        await workOutbox(next);
        const hooks = await receiver.waitFor(1);
        expect(hooks.map((h) => JSON.parse(h.body).data.to)).toEqual(["gpt-5-nano"]);
      } finally {
        await next.close();
      }
    } finally {
      await d.dispose();
    }
  });
});

describe("delivery requests and backoff", () => {
  const event = { id: "e1", type: "default.changed", created_at: "2026-12-01T00:00:00.000Z", data: { provider: "openai", model_type: "fast", from: "a", to: "b", reason: "r" } };
  it("gives Slack incoming webhooks a text + blocks body instead of the event", () => {
    const { body } = deliveryRequest("https://hooks.slack.com/services/T/B/X", event, { deliveryId: "d1" });
    const parsed = JSON.parse(body);
    expect(parsed.text).toContain("openai/fast");
    expect(Array.isArray(parsed.blocks)).toBe(true);
    expect(parsed.type).toBeUndefined();
    expect(JSON.parse(deliveryRequest("https://example.test/h", event, { deliveryId: "d1" }).body)).toEqual(event);
  });

  it("retries within 30 s, then doubles, and gives up 24 h after the event", () => {
    const created = new Date("2026-12-01T00:00:00Z");
    expect(nextAttemptAt(1, created, created)!.getTime() - created.getTime()).toBe(30_000);
    expect(nextAttemptAt(2, created, created)!.getTime() - created.getTime()).toBe(60_000);
    expect(nextAttemptAt(20, created, created)!.getTime() - created.getTime()).toBe(3_600_000);
    expect(nextAttemptAt(30, created, new Date(created.getTime() + 23.5 * 3_600_000))).toBeNull();
  });
});
