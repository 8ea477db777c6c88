import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listDefaultChanges } from "@/lib/db/audit-repo";
import { listModels } from "@/lib/db/models-repo";
import { runDiscovery } from "@/lib/discovery/run";
import { PROVIDERS, type Provider } from "@/lib/domain";
import { startAppServer, type AppServer } from "@/tests/support/app-server";
import { ADMIN_TOKEN, READ_KEY, setupConfigEnv, useRouteDb } from "@/tests/support/config-fixtures";
import { DRIVERS } from "@/tests/support/databases";
import { eraListings } from "@/tests/support/fake-providers/listings";
import { fakeProviderEnv } from "@/tests/support/fake-providers/env";
import { startFakeProviders, type FakeProviders } from "@/tests/support/fake-providers/server";
import * as acceptRoute from "./[provider]/accept-listing/route";
import * as suspectRoute from "../suspect-listings/route";

setupConfigEnv();

const KEYS = Object.fromEntries(PROVIDERS.map((p) => [p, `fake-${p}-key-0123`])) as Record<Provider, string>;
let fake: FakeProviders;
let server: AppServer;
beforeAll(async () => {
  fake = await startFakeProviders({ keys: KEYS });
  server = await startAppServer({
    routes: [
      { path: "/api/admin/providers/[provider]/accept-listing", module: acceptRoute },
      { path: "/api/admin/suspect-listings", module: suspectRoute },
    ],
  });
});
afterAll(async () => {
  await server?.close();
  await fake?.close();
});

async function call(path: string, init: { method?: string; token?: string; body?: unknown } = {}) {
  const res = await fetch(`${server.url}${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${init.token ?? ADMIN_TOKEN}`, ...(init.body !== undefined ? { "content-type": "application/json" } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read what they assert
  return { status: res.status, json: (await res.json()) as any };
}

describe.each(DRIVERS)("accepting a held listing over HTTP on %s", (driver) => {
  const t = useRouteDb(driver);
  const run = () =>
    runDiscovery({ db: t.db, trigger: "cli", env: fakeProviderEnv(fake, ["openai"]), providerOptions: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 20, timeoutMs: 5000 } });

  it("lists the held listing, refuses bad callers and providers, and deactivates its missing models once accepted", async () => {
    fake.reset();
    expect((await run()).status).toBe("success");
    fake.setListing("openai", (eraListings("2025").openai as { id: string }[]).filter((m) => ["gpt-5", "gpt-5-mini"].includes(m.id)));
    const held = await run();
    expect(held.status).toBe("partial");

    const listed = await call("/api/admin/suspect-listings");
    expect(listed.status).toBe(200);
    expect(listed.json.listings).toEqual([expect.objectContaining({ provider: "openai", run_id: held.run_id, accepted_at: null })]);
    const missing: string[] = listed.json.listings[0].missing.map((m: { model_name: string }) => m.model_name);
    expect(missing).toEqual(expect.arrayContaining(["gpt-5-nano", "gpt-4.1"]));

    expect((await call("/api/admin/providers/openai/accept-listing", { method: "POST", token: READ_KEY, body: {} })).status).toBe(403);
    const bad = await call("/api/admin/providers/acme/accept-listing", { method: "POST", body: {} });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe("provider");
    expect((await call("/api/admin/providers/google/accept-listing", { method: "POST", body: {} })).status).toBe(404);
    expect((await call("/api/admin/providers/openai/accept-listing")).status).toBe(405);

    const accepted = await call("/api/admin/providers/openai/accept-listing", { method: "POST", body: {} });
    expect(accepted.status).toBe(200);
    expect(accepted.json).toMatchObject({ success: true, listing: { provider: "openai", accepted_by: "admin-token" } });
    expect(accepted.json.deactivated.map((m: { model_name: string }) => m.model_name).sort()).toEqual([...missing].sort());
    const nano = (await listModels(t.db, { provider: "openai" })).find((m) => m.model_name === "gpt-5-nano")!;
    expect(nano).toMatchObject({ is_active: false, deactivation_reason: "no longer listed" });
    expect((await call("/api/admin/suspect-listings")).json.listings).toEqual([]);
    expect((await call("/api/admin/providers/openai/accept-listing", { method: "POST", body: {} })).status).toBe(404);

    // The next run of the same listing has nothing left to hold.
    const after = await run();
    expect(after).toMatchObject({ status: "success", models_deprecated: 0 });
    const defaults = (await listModels(t.db, { provider: "openai", active: true })).filter((m) => m.is_default).map((m) => m.model_name);
    expect(defaults.sort()).toEqual(["gpt-5", "gpt-5-mini"]);
    expect(await listDefaultChanges(t.db, { provider: "openai", model_type: "fast" })).toEqual([]);
  });
});
