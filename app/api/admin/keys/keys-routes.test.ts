import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { invalidateConfigCache, resetConfigCache } from "@/lib/config/cache";
import { setDb } from "@/lib/db/client";
import { hashSecret } from "@/lib/keys/secret";
import { resetUsage } from "@/lib/keys/usage";
import { redact } from "@/lib/redact";
import { CONFIG_ROUTES, startAppServer, type AppServer } from "@/tests/support/app-server";
import { ADMIN_TOKEN, READ_KEY, closedDb, setupConfigEnv } from "@/tests/support/config-fixtures";
import { DRIVERS, createTestDb, type TestDatabase } from "@/tests/support/databases";
import * as keyRoute from "./[id]/route";
import * as keysRoute from "./route";
import * as usageRoute from "./usage/route";

setupConfigEnv();

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read what they assert
type Json = any;

describe.each(DRIVERS)("service keys over HTTP on %s", (driver) => {
  let t: TestDatabase;
  let server: AppServer;
  const call = async (method: string, path: string, token: string | null = ADMIN_TOKEN, body?: unknown): Promise<{ status: number; json: Json }> => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(server.url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, json: await res.json() };
  };
  const create = (body: unknown) => call("POST", "/api/admin/keys", ADMIN_TOKEN, body);
  const read = (token: string, query = "provider=openai&type=flagship") => call("GET", `/api/ai-model-config?${query}`, token);
  const usageRows = async () => (await t.db.query<{ n: number }>("select count(*)::int as n from public.ai_service_key_usage"))[0].n;

  beforeAll(async () => {
    t = await createTestDb(driver);
    setDb(t.db);
    server = await startAppServer({
      routes: [
        ...CONFIG_ROUTES,
        { path: "/api/admin/keys/usage", module: usageRoute },
        { path: "/api/admin/keys/[id]", module: keyRoute },
        { path: "/api/admin/keys", module: keysRoute },
      ],
    });
  });
  afterAll(async () => {
    await server?.close();
    resetUsage();
    setDb(undefined);
    await t?.close();
  });
  beforeEach(async () => {
    setDb(t.db);
    resetConfigCache();
    resetUsage();
    await t.db.query("delete from public.ai_service_keys");
  });

  it("creates a key whose secret is answered once, stored only as its hash, and never listed", async () => {
    const { status, json } = await create({ name: "billing" });
    expect(status).toBe(201);
    expect(json).toEqual({ success: true, key: expect.objectContaining({ id: expect.any(String), name: "billing", created_at: expect.any(String) }), secret: expect.stringMatching(/^amm_sk_/) });
    const secret: string = json.secret;
    const listed = await call("GET", "/api/admin/keys");
    expect(listed.status).toBe(200);
    expect(listed.json.keys).toEqual([expect.objectContaining({ id: json.key.id, name: "billing", created_at: json.key.created_at, last_used_at: null, revoked_at: null, created_by: "admin-token" })]);
    expect(JSON.stringify(listed.json)).not.toContain(secret.slice(11));
    expect(JSON.stringify(listed.json)).not.toContain(hashSecret(secret));
    const atRest = JSON.stringify(await t.db.query("select * from public.ai_service_keys"));
    expect(atRest).not.toContain(secret);
    expect(atRest).toContain(hashSecret(secret));
    expect(redact(`Authorization header was ${secret}`)).not.toContain(secret.slice(11));
  });

  it("reads the config API with a key, beside CONFIG_API_KEYS and ADMIN_TOKEN; a key is no admin and a wrong one is 401", async () => {
    const { secret } = (await create({ name: "billing" })).json;
    expect(await read(secret)).toMatchObject({ status: 200, json: { success: true, model_name: "gpt-5" } });
    expect((await read(secret)).json.override).toBeUndefined();
    expect((await call("GET", "/api/ai-model-config/providers", secret)).status).toBe(200);
    expect((await read(READ_KEY)).status).toBe(200);
    expect((await read(ADMIN_TOKEN)).status).toBe(200);
    expect((await read(`${secret}x`)).status).toBe(401);
    expect((await read("amm_sk_unknown")).status).toBe(401);
    expect((await call("GET", "/api/admin/keys", secret)).status).toBe(403);
  });

  it("refuses a revoked key at once on this instance; revoking again is 200, an unknown id 404", async () => {
    const { key, secret } = (await create({ name: "billing" })).json;
    const other = (await create({ name: "search" })).json.secret;
    expect((await read(secret)).status).toBe(200);
    const revoked = await call("DELETE", `/api/admin/keys/${key.id}`);
    expect(revoked).toMatchObject({ status: 200, json: { success: true, key: { id: key.id, revoked_at: expect.any(String), revoked_by: "admin-token" } } });
    const after = await read(secret);
    expect(after.status).toBe(401);
    expect(after.json.error.code).toBe("unauthorized");
    expect((await read(other)).status).toBe(200);
    expect((await call("DELETE", `/api/admin/keys/${key.id}`)).status).toBe(200);
    expect((await call("DELETE", "/api/admin/keys/00000000-0000-4000-8000-000000000009")).status).toBe(404);
    expect((await call("DELETE", "/api/admin/keys/not-an-id")).status).toBe(404);
    expect((await call("GET", "/api/admin/keys")).json.keys.map((k: Json) => [k.name, k.revoked_at !== null])).toEqual([["search", false], ["billing", true]]);
  });

  it("learns of a key revoked by another instance with its next snapshot: keys ride on the registry snapshot", async () => {
    const { key, secret } = (await create({ name: "billing" })).json;
    expect((await read(secret)).status).toBe(200);
    // Another instance revokes it: this one's snapshot still holds the key until it reloads.
    await t.db.query("update public.ai_service_keys set revoked_at = now(), revoked_by = 'other-instance' where id = $1::uuid", [key.id]);
    expect((await read(secret)).status).toBe(200);
    invalidateConfigCache(); // what the registry version check does when another instance changed the registry
    expect((await read(secret)).status).toBe(401);
  });

  it.each([
    [{}, "name"],
    [{ name: "  " }, "name"],
    [{ name: "x", overrides: { "openai:flagship": "gpt-5" } }, "overrides.openai:flagship"],
    [{ name: "x", overrides: { "openai:legacy": "openai/gpt-5" } }, "overrides.openai:legacy"],
    [{ name: "x", secret: "mine" }, "secret"],
  ])("answers 400 naming the field for %j", async (body, field) => {
    const { status, json } = await create(body);
    expect(status).toBe(400);
    expect(json.error.message).toContain(field);
  });

  it("answers 409 for a second live key of a name, and takes the name again once it is revoked", async () => {
    const first = (await create({ name: "billing" })).json;
    const dup = await create({ name: "Billing" });
    expect(dup.status).toBe(409);
    expect(dup.json.error.message).toContain("Billing");
    await call("DELETE", `/api/admin/keys/${first.key.id}`);
    expect((await create({ name: "billing" })).status).toBe(201);
  });

  it("answers a key's override with override: true, the others' reads unchanged, and a bad override with a warning", async () => {
    const pinned = (await create({ name: "legacy-app", overrides: { "openai:flagship": "openai/gpt-5-mini", "google:fast": "google/gemini-9" } })).json.secret;
    const plain = (await create({ name: "new-app" })).json.secret;
    expect((await read(pinned)).json).toMatchObject({ model_name: "gpt-5-mini", override: true });
    expect((await read(plain)).json).toMatchObject({ model_name: "gpt-5" });
    expect((await read(plain)).json.override).toBeUndefined();
    expect((await read(pinned, "provider=openai&type=fast")).json.override).toBeUndefined();
    const warned = (await read(pinned, "provider=google&type=fast")).json;
    expect(warned).toMatchObject({ model_name: "gemini-2.5-flash", override_warning: expect.stringContaining("google/gemini-9") });
    expect(warned.override).toBeUndefined();
    const providers = (await call("GET", "/api/ai-model-config/providers", pinned)).json.providers;
    expect(providers.openai.flagship).toMatchObject({ model_name: "gpt-5-mini", override: true });
    expect(providers.openai.fast.override).toBeUndefined();
  });

  it("counts reads per key without a write per request, and answers who read each slot after the flush", async () => {
    const billing = (await create({ name: "billing" })).json;
    const search = (await create({ name: "search" })).json.secret;
    for (let i = 0; i < 20; i++) await read(billing.secret);
    await read(search);
    await read(search, "provider=anthropic&type=fast");
    expect(await usageRows()).toBe(0);
    expect((await call("GET", "/api/admin/keys")).json.keys.every((k: Json) => k.last_used_at === null)).toBe(true);
    const usage = await call("GET", "/api/admin/keys/usage");
    expect(usage.status).toBe(200);
    expect(usage.json.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const slot = (target: string) => usage.json.targets.find((x: Json) => x.kind === "slot" && x.target === target);
    expect(slot("openai:flagship").services).toEqual([
      { id: billing.key.id, name: "billing", count: 20 },
      { id: expect.any(String), name: "search", count: 1 },
    ]);
    expect(slot("anthropic:fast").services.map((s: Json) => s.name)).toEqual(["search"]);
    expect(await usageRows()).toBe(3);
    expect((await call("GET", "/api/admin/keys")).json.keys.every((k: Json) => typeof k.last_used_at === "string")).toBe(true);
    // A revoked key reads nothing any more, so it is no longer among the readers.
    await call("DELETE", `/api/admin/keys/${billing.key.id}`);
    expect(slot2(await call("GET", "/api/admin/keys/usage"), "openai:flagship")).toEqual(["search"]);
  });

  it("keeps serving a key from the last good snapshot while the database is down", async () => {
    const dead = await closedDb(driver); // opened first: a slow open between requests would outlast the keep-alive
    const { secret } = (await create({ name: "billing" })).json;
    expect((await read(secret)).status).toBe(200);
    setDb(dead);
    invalidateConfigCache();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(await read(secret)).toMatchObject({ status: 200, json: { model_name: "gpt-5", source: "fallback" } });
      expect((await read("amm_sk_unknown")).status).toBe(401);
    } finally {
      logged.mockRestore();
    }
  });
});

function slot2(usage: { json: Json }, target: string): string[] {
  return usage.json.targets.find((x: Json) => x.kind === "slot" && x.target === target).services.map((s: Json) => s.name);
}
