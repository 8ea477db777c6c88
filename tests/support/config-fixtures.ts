// Shared set-up of the config API's tests: credentials in the environment, requests, registry edits.
import { callNodeHost, viaNodeHost } from "./route-host";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { resetConfigCache } from "@/lib/config/cache";
import { setDb } from "@/lib/db/client";
import { insertModel } from "@/lib/db/models-repo";
import type { Db } from "@/lib/db/types";
import type { DefaultTier, Provider } from "@/lib/domain";
import { createEmptyDb, createTestDb, type Driver, type TestDatabase } from "./databases";

export const ADMIN_TOKEN = "test-admin-token-0123456789";
export const READ_KEY = "test-read-key-0123456789";
export const OTHER_READ_KEY = "test-read-key-abcdefghij";

/** Sets ADMIN_TOKEN and CONFIG_API_KEYS for the file's tests and restores them afterwards. */
export function setupConfigEnv(): void {
  const saved: Record<string, string | undefined> = {};
  beforeAll(() => {
    for (const k of ["ADMIN_TOKEN", "CONFIG_API_KEYS", "CRON_SECRET"]) saved[k] = process.env[k];
    process.env.ADMIN_TOKEN = ADMIN_TOKEN;
    process.env.CONFIG_API_KEYS = `${OTHER_READ_KEY}, ${READ_KEY}`;
    delete process.env.CRON_SECRET;
  });
  afterAll(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
}

export interface CallOptions {
  method?: string;
  token?: string | null;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

/** A real Request to the app at a path; the read key is the credential unless told otherwise. */
export function apiRequest(path: string, options: CallOptions = {}): Request {
  const headers = new Headers(options.headers);
  const token = options.token === undefined ? READ_KEY : options.token;
  if (token !== null) headers.set("authorization", `Bearer ${token}`);
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers.set("content-type", "application/json");
  return new Request(`http://127.0.0.1${path}`, { method: options.method ?? (body ? "POST" : "GET"), headers, body });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any route's params
type RouteHandler = (req: Request, ctx: { params: Promise<any> }) => Promise<Response>;

/** Calls an exported route handler with a real Request; answers status, headers and the parsed JSON. */
export async function callRoute(handler: RouteHandler, path: string, options: CallOptions = {}) {
  const req = apiRequest(path, options);
  // AMM_ROUTE_HOST=node: the same suite through npm start's node:http front (tests/support/route-host.ts).
  const viaFront = viaNodeHost() ? await callNodeHost(handler, req) : undefined;
  const res = viaFront ?? (await handler(req, { params: Promise.resolve({}) }));
  const text = await res.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const json: any = text ? JSON.parse(text) : undefined;
  return { status: res.status, headers: res.headers, json };
}

/** A database handle that was opened and closed again: every query on it rejects, like a dead server. */
export async function closedDb(driver: Driver): Promise<Db> {
  const t = await createEmptyDb(driver);
  await t.close();
  return t.db;
}

/** Makes a new model the default of a slot (test set-up; the real writer is discovery). */
export async function makeDefault(db: Db, provider: Provider, tier: DefaultTier, modelName: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query("update public.ai_model_configs set is_default = false, is_pinned = false where provider = $1 and model_type = $2 and is_default", [provider, tier]);
    const found = await tx.query("update public.ai_model_configs set is_default = true, is_active = true where provider = $1 and model_name = $2 returning id", [provider, modelName]);
    if (found.length === 0) await insertModel(tx, { provider, model_name: modelName, model_type: tier, is_default: true, display_name: modelName });
  });
}

/**
 * A fresh seeded database for the suite, made the process database before each test with a cold config
 * cache; `prepare` edits the registry once. The returned handle reads through to the current database.
 */
export function useRouteDb(driver: Driver, prepare?: (db: Db) => Promise<void>): TestDatabase {
  let t: TestDatabase | undefined;
  beforeAll(async () => {
    t = await createTestDb(driver);
    await prepare?.(t.db);
  });
  afterAll(async () => {
    setDb(undefined);
    await t?.close();
  });
  beforeEach(() => {
    setDb(t!.db);
    resetConfigCache();
  });
  return {
    get db() {
      return t!.db;
    },
    get url() {
      return t!.url;
    },
    close: () => t!.close(),
  };
}
