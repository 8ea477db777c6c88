import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openPostgres } from "@/lib/db/drivers/postgres";
import type { Db } from "@/lib/db/types";
import { createTestDb, type TestDatabase } from "@/tests/support/databases";
import { fakeProviderEnv } from "@/tests/support/fake-providers/env";
import { startFakeProviders, type FakeProviders } from "@/tests/support/fake-providers/server";
import { runDiscovery } from "./run";

// A route's statement budget far below what the run's write takes: the write must have a budget of its own.
const ROUTE_STATEMENT_MS = "200";
const SLOW_WRITE_S = 0.6;

let fake: FakeProviders;
let t: TestDatabase;
let db: Db; // the app's pool on the test database, with a route's budget
beforeAll(async () => {
  fake = await startFakeProviders();
  t = await createTestDb("postgres");
  vi.stubEnv("DATABASE_STATEMENT_TIMEOUT_MS", ROUTE_STATEMENT_MS);
  try {
    db = openPostgres(t.url!);
  } finally {
    vi.unstubAllEnvs();
  }
  // The registry version's bump, which every run's write makes, now takes longer than a route's budget.
  await t.db.exec(`
    create function public.test_slow_write() returns trigger language plpgsql as $$
    begin perform pg_sleep(${SLOW_WRITE_S}); return null; end $$;
    create trigger test_slow_write before insert or update on public.ai_registry_version
      for each statement execute function public.test_slow_write();`);
});
afterAll(async () => {
  await db?.close();
  await t?.close();
  await fake?.close();
});

const run = (env: Record<string, string> = {}) =>
  runDiscovery({
    db, trigger: "cli", triggeredBy: "test", env: { ...fakeProviderEnv(fake), DISCOVERY_PROBE: "off", ...env },
    providerOptions: { maxRetries: 0, timeoutMs: 5_000 },
  });

describe("a discovery run's write on PostgreSQL", () => {
  it("outlasts DATABASE_STATEMENT_TIMEOUT_MS within DATABASE_RUN_WRITE_TIMEOUT_MS", async () => {
    const summary = await run();
    expect(summary.errors).toEqual([]);
    expect(summary.status).toBe("success");
  });

  it("fails, registry unchanged, past DATABASE_RUN_WRITE_TIMEOUT_MS", async () => {
    const before = await t.db.query<{ version: number }>("select version from public.ai_registry_version");
    vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const summary = await run({ DATABASE_RUN_WRITE_TIMEOUT_MS: "100" });
      expect(summary.status).toBe("failed");
      expect(summary.errors.map((e) => e.message)).toEqual(["apply failed, registry unchanged: The database is unavailable"]);
    } finally {
      vi.restoreAllMocks();
    }
    expect(await t.db.query("select version from public.ai_registry_version")).toEqual(before);
  });
});
