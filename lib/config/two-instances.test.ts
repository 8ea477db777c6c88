// Two app processes on one real PostgreSQL (PGlite is one process's own): a change made on one instance is
// answered by the other within 2 s, and an idle instance asks the database about once a second.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, READ_KEY } from "@/tests/support/config-fixtures";
import { createTestDb, type TestDatabase } from "@/tests/support/databases";
import { startTcpProxy, type TcpProxy } from "@/tests/support/tcp-proxy";

interface Instance {
  url: string;
  proxy: TcpProxy;
  child: ChildProcess;
}

async function startInstance(databaseUrl: string): Promise<Instance> {
  const target = new URL(databaseUrl);
  const proxy = await startTcpProxy(Number(target.port));
  target.port = String(proxy.port);
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/instance.ts"], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: target.toString(), ADMIN_TOKEN, CONFIG_API_KEYS: READ_KEY, CONFIG_VERSION_CHECK_MS: "1000", LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /instance (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once("exit", (code) => reject(new Error(`instance exited with ${code}`)));
  });
  return { url, proxy, child };
}

async function get(instance: Instance, path: string, token = READ_KEY) {
  const res = await fetch(`${instance.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test reads what it asserts
  return { status: res.status, json: (await res.json()) as any };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("two instances on one PostgreSQL", () => {
  let t: TestDatabase;
  let a: Instance;
  let b: Instance;
  beforeAll(async () => {
    t = await createTestDb("postgres");
    [a, b] = await Promise.all([startInstance(t.url!), startInstance(t.url!)]);
  });
  afterAll(async () => {
    for (const i of [a, b]) {
      i?.child.kill("SIGTERM");
      await i?.proxy.close();
    }
    await t?.close();
  });

  it("answers a pin made on A at once on A and within 2 s on B", async () => {
    const all = await get(a, "/api/ai-model-config/all?active=true");
    type Row = { id: string; provider: string; model_type: string; model_name: string; is_default: boolean };
    const other = (all.json.models as Row[]).find((m) => !m.is_default && m.model_type !== "legacy")!;
    expect(other).toBeDefined();
    const slot = `/api/ai-model-config?provider=${other.provider}&type=${other.model_type}`;
    const before = (await get(b, slot)).json.model_name as string;
    expect(before).not.toBe(other.model_name);
    expect((await get(a, slot)).json.model_name).toBe(before);

    const pin = await fetch(`${a.url}/api/admin/models/${other.id}/pin`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
      body: "{}",
    });
    expect(pin.status).toBe(200);
    const pinnedAt = performance.now();
    expect((await get(a, slot)).json.model_name).toBe(other.model_name);

    let seen = before;
    while (seen !== other.model_name && performance.now() - pinnedAt < 5_000) {
      await sleep(25);
      seen = (await get(b, slot)).json.model_name;
    }
    expect(seen).toBe(other.model_name);
    expect(performance.now() - pinnedAt).toBeLessThan(2_000);
  });

  it("asks the database about once a second per instance while nothing changes", async () => {
    await sleep(1_500); // let the pin's reload settle (it runs before the key test, whose reads a usage flush writes)
    const [a0, b0] = [a.proxy.clientWrites, b.proxy.clientWrites];
    await sleep(4_000);
    for (const writes of [a.proxy.clientWrites - a0, b.proxy.clientWrites - b0]) {
      expect(writes).toBeGreaterThanOrEqual(3); // the watch runs
      expect(writes).toBeLessThanOrEqual(6);
    }
  });

  it("refuses a service key revoked on A at once on A and within 2 s on B", async () => {
    const admin = (instance: Instance, method: string, path: string, body?: unknown) =>
      fetch(`${instance.url}${path}`, { method, headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    const created = await admin(a, "POST", "/api/admin/keys", { name: "two-instance-service" });
    expect(created.status).toBe(201);
    const { key, secret } = (await created.json()) as { key: { id: string }; secret: string };
    const slot = "/api/ai-model-config?provider=openai&type=flagship";
    let onB = (await get(b, slot, secret)).status;
    for (const started = performance.now(); onB !== 200 && performance.now() - started < 5_000; onB = (await get(b, slot, secret)).status) await sleep(25);
    expect(onB).toBe(200);

    expect((await admin(a, "DELETE", `/api/admin/keys/${key.id}`)).status).toBe(200);
    const revokedAt = performance.now();
    expect((await get(a, slot, secret)).status).toBe(401);
    while (onB !== 401 && performance.now() - revokedAt < 5_000) {
      await sleep(25);
      onB = (await get(b, slot, secret)).status;
    }
    expect(onB).toBe(401);
    expect(performance.now() - revokedAt).toBeLessThan(2_000);
  });
});
