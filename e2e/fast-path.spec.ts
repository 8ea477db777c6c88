import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort } from "../tests/support/free-port";
import { appServerEnv, CONFIG_API_KEY } from "./utils/env";

// The production build served twice from fresh databases: with npm start's node:http front (AMM_FAST_PATH=on)
// and with every request through Next (off). The config read routes must answer alike on both.
// fetch asks for gzip, so Content-Encoding is compared too: both hosts must compress alike.
const VOLATILE = new Set(["date", "connection", "keep-alive", "content-length", "transfer-encoding", "x-request-id"]);

async function serve(fastPath: "on" | "off"): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `amm-e2e-${fastPath}-`));
  const env = { ...process.env, ...appServerEnv(path.join(dir, "db"), path.join(dir, "data")), AMM_FAST_PATH: fastPath, LOG_LEVEL: "warn" };
  const child = spawn("npx", ["tsx", "scripts/serve.ts", "-p", String(port), "-H", "127.0.0.1"], { env, detached: true, stdio: "ignore" });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) return { base, child };
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the ${fastPath} server did not start`);
}

const CASES: [string, string, RequestInit][] = [
  ["a config answer", "/api/ai-model-config?provider=openai&type=flagship", {}],
  ["a POSTed config answer", "/api/ai-model-config", { method: "POST", body: JSON.stringify({ provider: "anthropic", type: "fast" }) }],
  ["every provider", "/api/ai-model-config/providers", {}],
  ["a validation", "/api/ai-model-config/validate", { method: "POST", body: JSON.stringify({ provider: "openai", model_name: "gpt-5" }) }],
  ["a bad field", "/api/ai-model-config?provider=nope", {}],
  ["malformed JSON", "/api/ai-model-config", { method: "POST", body: "{nope" }],
  ["no token", "/api/ai-model-config?provider=openai", { headers: { authorization: "" } }],
  ["a method not allowed", "/api/ai-model-config", { method: "DELETE" }],
];

test.describe("npm start's fast path and Next answer the config read routes alike", () => {
  test.describe.configure({ timeout: 180_000 });
  let fast: { base: string; child: ChildProcess };
  let viaNext: { base: string; child: ChildProcess };
  test.beforeAll(async () => {
    [fast, viaNext] = await Promise.all([serve("on"), serve("off")]);
  });
  test.afterAll(() => {
    for (const s of [fast, viaNext]) if (s?.child.pid) process.kill(-s.child.pid, "SIGTERM");
  });

  async function call(base: string, pathAndQuery: string, init: RequestInit) {
    const headers = { authorization: `Bearer ${CONFIG_API_KEY}`, "content-type": "application/json", ...(init.headers as Record<string, string>) };
    const res = await fetch(`${base}${pathAndQuery}`, { ...init, headers });
    const kept: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      if (!VOLATILE.has(k)) kept[k] = v;
    });
    return { status: res.status, headers: kept, body: (await res.text()).replace(/"source":"(database|cache|fallback)"/g, "") };
  }

  for (const [name, pathAndQuery, init] of CASES) {
    test(`${name}: status, headers and body`, async () => {
      const a = await call(fast.base, pathAndQuery, init);
      const b = await call(viaNext.base, pathAndQuery, init);
      expect(a).toEqual(b);
    });
  }

  test("both compress with gzip; the fast server's answer comes from the front (sized, where Next's is chunked)", async () => {
    const raw = async (base: string) => {
      const res = await fetch(`${base}/api/ai-model-config?provider=openai&type=flagship`, { headers: { authorization: `Bearer ${CONFIG_API_KEY}`, "accept-encoding": "gzip" } });
      await res.arrayBuffer();
      return { coding: res.headers.get("content-encoding"), sized: res.headers.has("content-length") };
    };
    expect(await raw(fast.base)).toEqual({ coding: "gzip", sized: true });
    expect(await raw(viaNext.base)).toEqual({ coding: "gzip", sized: false });
  });

  test("a revalidation is a 304 with the same ETag on both", async () => {
    const first = await fetch(`${fast.base}/api/ai-model-config?provider=google&type=fast`, { headers: { authorization: `Bearer ${CONFIG_API_KEY}` } });
    const etag = first.headers.get("etag")!;
    for (const base of [fast.base, viaNext.base]) {
      const again = await call(base, "/api/ai-model-config?provider=google&type=fast", { headers: { "if-none-match": etag } });
      expect(again.status).toBe(304);
      expect(again.headers.etag).toBe(etag);
    }
  });
});
