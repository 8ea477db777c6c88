import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listDefaultChanges } from "@/lib/db/audit-repo";
import { listEvents } from "@/lib/db/events-repo";
import { listDefaults } from "@/lib/db/models-repo";
import { listPending } from "@/lib/db/pending-repo";
import { runDiscovery } from "@/lib/discovery/run";
import { eraListings } from "@/tests/support/fake-providers/listings";
import { fakeProviderEnv } from "@/tests/support/fake-providers/env";
import { startFakeProviders, type FakeProviders } from "@/tests/support/fake-providers/server";
import { DRIVERS, createTestDb, type TestDatabase } from "@/tests/support/databases";
import { runDailyCheck } from "./daily-check";
import { approvePending, rejectPending } from "./decide-pending";
import { setSlotPolicy } from "./set-slot-policy";

let fake: FakeProviders;
beforeAll(async () => {
  fake = await startFakeProviders();
});
afterAll(async () => fake?.close());

const DAY = 86_400_000;
const t0 = new Date("2026-12-01T12:00:00Z");
const at = (days: number) => new Date(t0.getTime() + days * DAY);

describe.each(DRIVERS)("promotion policies, end to end on %s", (driver) => {
  let t: TestDatabase;
  const ctx = () => ({ db: t.db, actor: "admin-token" });
  const run = (now: Date) =>
    runDiscovery({ db: t.db, trigger: "cli", triggeredBy: "test", env: fakeProviderEnv(fake), now: () => now, providerOptions: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 20, timeoutMs: 3000 } });
  const defaultOf = async (provider: string, tier: string) => (await listDefaults(t.db)).find((d) => d.provider === provider && d.model_type === tier)?.model_name;

  beforeEach(async () => {
    fake.reset();
    t = await createTestDb(driver);
  });
  afterEach(async () => t?.close());

  it("auto (the default) moves the slot in the run and announces default.changed", async () => {
    fake.useEra("2027");
    const summary = await run(t0);
    expect(await defaultOf("openai", "flagship")).toBe("gpt-6");
    expect(await listPending(t.db)).toEqual([]);
    const events = await listEvents(t.db, { type: "default.changed" });
    expect(events.map((e) => e.data)).toContainEqual(expect.objectContaining({ provider: "openai", model_type: "flagship", from: "gpt-5", to: "gpt-6", run_id: summary.run_id }));
  });

  it("soak holds the new best back as pending, keeps it pending on later runs, then the daily check promotes it", async () => {
    await setSlotPolicy({ ctx: ctx(), input: { provider: "openai", model_type: "flagship", policy: "soak", soak_days: 7 } });
    fake.useEra("2027");
    const first = await run(t0);
    expect(first.status).toBe("success");
    expect(await defaultOf("openai", "flagship")).toBe("gpt-5");
    expect(await defaultOf("openai", "fast")).toBe("gpt-6-mini"); // the other slot is auto
    const [pending] = await listPending(t.db);
    expect(pending).toMatchObject({ provider: "openai", model_type: "flagship", from: "gpt-5", to: "gpt-6", first_seen_at: t0.toISOString(), promote_after: at(7).toISOString() });
    expect((await listEvents(t.db, { type: "default.pending" })).map((e) => e.data)).toEqual([expect.objectContaining({ id: pending.id, to: "gpt-6" })]);

    await run(at(3));
    expect(await defaultOf("openai", "flagship")).toBe("gpt-5");
    expect(await listPending(t.db)).toEqual([pending]); // same change, first seen unchanged
    expect((await runDailyCheck(t.db, { now: at(6) })).promoted).toEqual([]);

    const daily = await runDailyCheck(t.db, { now: at(7.5) });
    expect(daily.promoted).toEqual([expect.objectContaining({ provider: "openai", model_type: "flagship", from: "gpt-5", to: "gpt-6" })]);
    expect(await defaultOf("openai", "flagship")).toBe("gpt-6");
    expect(await listPending(t.db)).toEqual([]);
    expect((await listPending(t.db, ["promoted"]))[0].id).toBe(pending.id);
    const [audit] = await listDefaultChanges(t.db, { provider: "openai", model_type: "flagship" });
    expect(audit).toMatchObject({ from_model: "gpt-5", to_model: "gpt-6", reason: expect.stringContaining("7-day soak") });
  });

  it("soak promotes in a later run too, once the period is over", async () => {
    await setSlotPolicy({ ctx: ctx(), input: { provider: "openai", model_type: "flagship", policy: "soak", soak_days: 2 } });
    fake.useEra("2027");
    await run(t0);
    expect(await defaultOf("openai", "flagship")).toBe("gpt-5");
    await run(at(2));
    expect(await defaultOf("openai", "flagship")).toBe("gpt-6");
  });

  it("approve waits for a person through runs and daily checks; approval moves it, rejection keeps the old model for good", async () => {
    await setSlotPolicy({ ctx: ctx(), input: { provider: "openai", model_type: "flagship", policy: "approve" } });
    await setSlotPolicy({ ctx: ctx(), input: { provider: "anthropic", model_type: "flagship", policy: "approve" } });
    fake.useEra("2027");
    await run(t0);
    await run(at(30));
    await runDailyCheck(t.db, { now: at(60) });
    expect(await defaultOf("openai", "flagship")).toBe("gpt-5");
    expect(await defaultOf("anthropic", "flagship")).toBe("claude-sonnet-4-5");
    const pending = (await listPending(t.db)).sort((a, b) => (a.provider < b.provider ? 1 : -1));
    expect(pending.map((p) => `${p.provider}:${p.to}:${p.promote_after}`)).toEqual(["openai:gpt-6:null", "anthropic:claude-sonnet-5:null"]);

    await approvePending({ ctx: ctx(), input: { id: pending[0].id } });
    expect(await defaultOf("openai", "flagship")).toBe("gpt-6");
    await rejectPending({ ctx: ctx(), input: { id: pending[1].id } });
    await run(at(31));
    expect(await defaultOf("anthropic", "flagship")).toBe("claude-sonnet-4-5");
    expect(await listPending(t.db)).toEqual([]);
    await expect(approvePending({ ctx: ctx(), input: { id: pending[1].id } })).rejects.toThrow(/already rejected/);
  });

  it("replaces a default that vanished at once, whatever the policy", async () => {
    await setSlotPolicy({ ctx: ctx(), input: { provider: "mistral", model_type: "flagship", policy: "approve" } });
    const wire = eraListings("2025").mistral as { id: string }[];
    fake.setListing("mistral", wire.filter((m) => m.id !== "mistral-large-latest" && !m.id.startsWith("mistral-large")));
    await run(t0);
    expect(await defaultOf("mistral", "flagship")).not.toBe("mistral-large-latest");
    expect(await listPending(t.db, ["open"])).toEqual([]);
  });
});
