// The config read routes' suites again, through npm start's node:http front (lib/api/node-host.ts) instead of
// Next's handlers, and a side-by-side check that both hosts give the same status, headers and body.
import { gunzipSync, inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { apiSecurityHeaders } from "@/lib/security/headers";
import { ADMIN_TOKEN, apiRequest, setupConfigEnv, useRouteDb, type CallOptions } from "@/tests/support/config-fixtures";
import { DRIVERS } from "@/tests/support/databases";
import { callNodeHost } from "@/tests/support/route-host";
import * as modelConfig from "./route";
import * as providers from "./providers/route";
import * as validate from "./validate/route";

process.env.AMM_ROUTE_HOST = "node";
await import("./route.test");
await import("./providers/route.test");
await import("./validate/route.test");
await import("./deprecation-headers.test");
await import("./query-walk.test");

setupConfigEnv();

const NEXT_VARY = "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch";
const VOLATILE = new Set(["date", "connection", "keep-alive", "content-length", "transfer-encoding", "x-request-id"]);

function headerMap(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  res.headers.forEach((v, k) => {
    if (!VOLATILE.has(k)) out[k] = v;
  });
  return out;
}

type Handler = (req: Request) => Promise<Response>;
const CASES: [string, Handler, string, CallOptions][] = [
  ["a config answer", modelConfig.GET, "/api/ai-model-config?provider=openai&type=flagship", {}],
  ["a POSTed config answer", modelConfig.POST, "/api/ai-model-config", { body: { provider: "google", type: "fast" } }],
  ["a 304", modelConfig.GET, "/api/ai-model-config?provider=openai&type=flagship", { headers: { "if-none-match": "*" } }],
  ["a bad field", modelConfig.GET, "/api/ai-model-config?provider=nope", {}],
  ["malformed JSON", modelConfig.POST, "/api/ai-model-config", { rawBody: "{nope" }],
  ["a body over 64 KB", validate.POST, "/api/ai-model-config/validate", { rawBody: JSON.stringify({ pad: "x".repeat(70_000) }) }],
  ["no token", modelConfig.GET, "/api/ai-model-config?provider=openai", { token: null }],
  ["a wrong token", providers.GET, "/api/ai-model-config/providers", { token: "wrong-token-0123456789" }],
  ["the admin token", providers.GET, "/api/ai-model-config/providers", { token: ADMIN_TOKEN }],
  ["a method not allowed", modelConfig.DELETE, "/api/ai-model-config", { method: "DELETE" }],
  ["a validation", validate.POST, "/api/ai-model-config/validate", { body: { provider: "openai", model_name: "gpt-5" } }],
  ["a GET of validate", validate.GET, "/api/ai-model-config/validate", {}],
];

describe.each(DRIVERS)("both hosts of the config read routes on %s", (driver) => {
  useRouteDb(driver);

  it.each(CASES)("answer %s alike: status, body and headers (plus the proxy's security headers)", async (_name, handler, path, options) => {
    const viaNext = await handler(apiRequest(path, options));
    const viaFront = (await callNodeHost(handler, apiRequest(path, options)))!;
    expect(viaFront.status).toBe(viaNext.status);
    const [a, b] = [await viaNext.text(), await viaFront.text()];
    // Where an answer came from (database, then cache) depends on the order of the calls, not on the host.
    const sourceless = (text: string) => text.replace(/"source":"(database|cache|fallback)"/g, "");
    expect(sourceless(b)).toBe(sourceless(a));
    // What Next's server adds around a handler's answer: proxy.ts's security headers and its own Vary names.
    const next = headerMap(viaNext);
    const vary = [NEXT_VARY, next.vary, a ? "Accept-Encoding" : undefined].filter(Boolean).join(", ");
    expect(headerMap(viaFront)).toEqual({ ...next, ...lower(apiSecurityHeaders(process.env.NODE_ENV === "production")), vary });
    expect(viaFront.headers.has("x-request-id")).toBe(viaNext.headers.has("x-request-id"));
  });
});

// Next's server compresses every answer with a body by its compress option; the front must send the same coding.
const CODINGS: [string, string | null][] = [
  ["gzip, deflate, br", "gzip"],
  ["deflate", "deflate"],
  ["br", null],
  ["gzip;q=0.5, identity", null],
];
const DECODE: Record<string, (b: Buffer) => Buffer> = { gzip: gunzipSync, deflate: inflateSync };

describe.each(DRIVERS)("the node:http front's content coding on %s", (driver) => {
  useRouteDb(driver);

  it.each(CODINGS)("Accept-Encoding %j: Content-Encoding %s, the same JSON inside", async (acceptEncoding, coding) => {
    for (const [handler, path, options] of [
      [modelConfig.GET, "/api/ai-model-config?provider=openai&type=flagship", {}],
      [providers.GET, "/api/ai-model-config/providers", {}],
      [modelConfig.GET, "/api/ai-model-config?provider=nope", {}],
    ] as const) {
      const viaNext = await (await handler(apiRequest(path, options))).text();
      const viaFront = (await callNodeHost(handler, apiRequest(path, { ...options, headers: { "accept-encoding": acceptEncoding } })))!;
      expect(viaFront.headers.get("content-encoding")).toBe(coding);
      const raw = Buffer.from(await viaFront.arrayBuffer());
      expect(Number(viaFront.headers.get("content-length"))).toBe(raw.length);
      const text = (coding ? DECODE[coding](raw) : raw).toString("utf8");
      const sourceless = (t: string) => t.replace(/"source":"(database|cache|fallback)"/g, "");
      expect(sourceless(text)).toBe(sourceless(viaNext));
    }
  });

  it("sends a 304 without a body or a coding", async () => {
    const res = (await callNodeHost(modelConfig.GET, apiRequest("/api/ai-model-config?provider=openai", { headers: { "if-none-match": "*", "accept-encoding": "gzip" } })))!;
    expect(res.status).toBe(304);
    expect(res.headers.get("content-encoding")).toBeNull();
  });
});

function lower(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}
