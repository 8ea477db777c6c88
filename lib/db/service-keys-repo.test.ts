import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hashSecret } from "@/lib/keys/secret";
import { DRIVERS, createTestDb, type TestDatabase } from "@/tests/support/databases";
import { addUsageCounts, listUsageByTarget } from "./key-usage-repo";
import { findLiveKeyByName, getServiceKey, insertServiceKey, listLiveKeys, listServiceKeys, revokeServiceKey, touchServiceKeys } from "./service-keys-repo";

const insert = (t: TestDatabase, name: string, secret = `amm_sk_${name}-secret`) =>
  insertServiceKey(t.db, { name, secret_hash: hashSecret(secret), prefix: secret.slice(0, 11), overrides: { "openai:fast": "openai/gpt-5-nano" }, created_by: "admin-token" });

describe.each(DRIVERS)("service keys and their usage on %s", (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDb(driver, { seed: false });
  });
  afterAll(async () => t?.close());
  beforeEach(async () => {
    await t.db.query("delete from public.ai_service_keys");
  });

  it("stores a key by hash with its overrides and creator, and lists it without the hash", async () => {
    const key = await insert(t, "billing");
    expect(key).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: "billing", prefix: "amm_sk_bill", overrides: { "openai:fast": "openai/gpt-5-nano" },
      created_by: "admin-token", created_at: expect.any(String), last_used_at: null, revoked_by: null, revoked_at: null,
    });
    expect(await listServiceKeys(t.db)).toEqual([key]);
    expect(await getServiceKey(t.db, key.id)).toEqual(key);
    expect(await getServiceKey(t.db, "not-a-uuid")).toBeUndefined();
    expect(await listLiveKeys(t.db)).toEqual([{ id: key.id, name: "billing", secret_hash: hashSecret("amm_sk_billing-secret"), overrides: key.overrides }]);
  });

  it("holds no secret at rest: only its hash and a short prefix", async () => {
    const secret = "amm_sk_ThisIsTheWholeSecretValue0123456789abcd";
    await insert(t, "search", secret);
    const dump = JSON.stringify(await t.db.query("select * from public.ai_service_keys"));
    expect(dump).not.toContain(secret);
    expect(dump).not.toContain(secret.slice(11));
    expect(dump).toContain(hashSecret(secret));
  });

  it("keeps one live key per name (case-insensitive), and frees the name on revocation", async () => {
    const key = await insert(t, "Billing");
    expect((await findLiveKeyByName(t.db, "billing"))?.id).toBe(key.id);
    await expect(insert(t, "billing", "amm_sk_other")).rejects.toThrow();
    const revoked = await revokeServiceKey(t.db, { id: key.id, revoked_by: "session:admin" });
    expect(revoked).toMatchObject({ id: key.id, revoked_by: "session:admin", revoked_at: expect.any(String) });
    expect(await revokeServiceKey(t.db, { id: key.id, revoked_by: "x" })).toBeUndefined();
    expect(await findLiveKeyByName(t.db, "billing")).toBeUndefined();
    expect(await listLiveKeys(t.db)).toEqual([]);
    const again = await insert(t, "billing", "amm_sk_third");
    expect((await listServiceKeys(t.db)).map((k) => k.id)).toEqual([again.id, key.id]); // live first
  });

  it("moves last use forward only", async () => {
    const key = await insert(t, "billing");
    await touchServiceKeys(t.db, [{ id: key.id, at: "2026-12-01T10:00:00.000Z" }]);
    await touchServiceKeys(t.db, [{ id: key.id, at: "2026-12-01T09:00:00.000Z" }]);
    expect((await getServiceKey(t.db, key.id))?.last_used_at).toBe("2026-12-01T10:00:00.000Z");
  });

  it("adds counts to the stored ones and sums them per target and key over a window", async () => {
    const a = await insert(t, "billing");
    const b = await insert(t, "search");
    const c = { key_id: a.id, day: "2026-12-01", kind: "slot" as const, target: "openai:flagship", count: 3 };
    await addUsageCounts(t.db, [c, { ...c, key_id: b.id, count: 1 }, { ...c, day: "2026-10-01", count: 100 }]);
    await addUsageCounts(t.db, [{ ...c, count: 4 }, { ...c, kind: "route", target: "summarize", count: 2 }]);
    await addUsageCounts(t.db, [{ ...c, key_id: "00000000-0000-4000-8000-000000000000" }]); // a key deleted meanwhile: skipped
    expect(await listUsageByTarget(t.db, { since: "2026-11-02" })).toEqual([
      { kind: "route", target: "summarize", key_id: a.id, name: "billing", revoked_at: null, count: 2 },
      { kind: "slot", target: "openai:flagship", key_id: a.id, name: "billing", revoked_at: null, count: 7 },
      { kind: "slot", target: "openai:flagship", key_id: b.id, name: "search", revoked_at: null, count: 1 },
    ]);
    expect((await t.db.query("select count(*)::int as n from public.ai_service_key_usage"))[0]).toEqual({ n: 4 });
  });
});
