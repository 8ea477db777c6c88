import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resetConfigCache } from "@/lib/config/cache";
import { setDb } from "@/lib/db/client";
import { openPostgres } from "@/lib/db/drivers/postgres";
import { migrate } from "@/lib/db/migrate";
import { seedFromCatalog } from "@/lib/db/seed";
import { DatabaseUnavailableError, type Db } from "@/lib/db/types";
import { callWithParams } from "@/tests/support/admin-call";
import { callRoute, setupConfigEnv } from "@/tests/support/config-fixtures";
import { startPostgres, type PostgresServer } from "@/tests/support/postgres-server";
import { startTcpProxy, type TcpProxy } from "@/tests/support/tcp-proxy";
import { GET as history } from "./ai-model-config/history/route";
import { GET as config } from "./ai-model-config/route";
import { POST as pin } from "./admin/models/[id]/pin/route";
import { GET as settings } from "./admin/settings/route";

setupConfigEnv();

let id = "";
const ROUTES = [
  ["history", () => callRoute(history, "/api/ai-model-config/history?limit=5"), 503],
  ["pin", () => callWithParams(pin, `/api/admin/models/${id}/pin`, { method: "POST", body: {} }, { id }), 503],
  ["settings", () => callWithParams(settings, "/api/admin/settings"), 503],
  ["config", () => callRoute(config, "/api/ai-model-config?provider=openai"), 200],
] as const;

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** Calls every route a few times; each must answer (an error or the fallback) within 2 s. */
async function expectPromptAnswers(): Promise<void> {
  const logged = vi.spyOn(console, "error").mockImplementation(() => {});
  try {
    for (let round = 0; round < 3; round++) {
      for (const [name, call, status] of ROUTES) {
        resetConfigCache();
        const { ms, value } = await timed(call);
        expect({ name, round, status: value.status }).toEqual({ name, round, status });
        expect(ms, `${name} in round ${round}`).toBeLessThan(2000);
      }
    }
  } finally {
    logged.mockRestore();
  }
}

// A dedicated server, since this file stops it.
describe("when PostgreSQL stops", () => {
  let server: PostgresServer;
  let db: Db;
  beforeAll(async () => {
    server = await startPostgres();
    db = openPostgres(server.url);
    await migrate(db);
    await seedFromCatalog(db);
    [{ id }] = await db.query<{ id: string }>("select id from public.ai_model_configs where is_default and provider = 'openai' limit 1");
    setDb(db);
  });
  afterAll(async () => {
    setDb(undefined);
    await db?.close().catch(() => {});
  });

  it("cuts a statement off at the statement timeout with DatabaseUnavailableError", async () => {
    const { ms, value } = await timed(() => db.query("select pg_sleep(5)").then(() => null, (err: unknown) => err));
    expect(value).toBeInstanceOf(DatabaseUnavailableError);
    expect(ms).toBeLessThan(2000);
  });

  it("answers every route within 2 s, again and again (no growing reconnect backoff)", async () => {
    for (const [, call] of ROUTES) expect((await call()).status).toBe(200);
    await server.stop();
    await expectPromptAnswers();
  }, 60_000);
});

describe("when the database host stops answering (open sockets, no reply)", () => {
  let server: PostgresServer;
  let proxy: TcpProxy;
  let db: Db;
  beforeAll(async () => {
    server = await startPostgres();
    proxy = await startTcpProxy(Number(new URL(server.url).port));
    db = openPostgres(server.url.replace(/:\d+\//, `:${proxy.port}/`));
    await migrate(db);
    await seedFromCatalog(db);
    [{ id }] = await db.query<{ id: string }>("select id from public.ai_model_configs where is_default and provider = 'openai' limit 1");
    setDb(db);
  });
  afterAll(async () => {
    setDb(undefined);
    await proxy?.close();
    await db?.close().catch(() => {});
    await server?.stop();
  });

  it("answers every route within 2 s", async () => {
    for (const [, call] of ROUTES) expect((await call()).status).toBe(200);
    proxy.goSilent();
    await expectPromptAnswers();
  }, 60_000);
});
