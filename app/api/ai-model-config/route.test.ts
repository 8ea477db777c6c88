import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getFallbackDefault } from "@/lib/catalog";
import { invalidateConfigCache, resetConfigCache } from "@/lib/config/cache";
import { modelConfigResponseSchema } from "@/lib/config/schemas";
import { setDb } from "@/lib/db/client";
import { ADMIN_TOKEN, callRoute, closedDb, makeDefault, setupConfigEnv, useRouteDb } from "@/tests/support/config-fixtures";
import { DRIVERS } from "@/tests/support/databases";
import { setProcessEnv } from "@/tests/support/http-json";
import { DELETE, GET, POST, PUT } from "./route";

setupConfigEnv();

describe.each(DRIVERS)("GET and POST /api/ai-model-config on %s", (driver) => {
  const t = useRouteDb(driver);

  it("answers the registry's flagship default with its price, context and source database", async () => {
    const { status, json, headers } = await callRoute(GET, "/api/ai-model-config?provider=openai&type=flagship");
    expect(status).toBe(200);
    expect(modelConfigResponseSchema.parse(json)).toMatchObject({
      success: true,
      model_name: "gpt-5",
      provider: "openai",
      model_type: "flagship",
      pricing: { input_per_mtok: 1.25, output_per_mtok: 10 },
      context_window: 400000,
      source: "database",
    });
    expect(headers.get("etag")).toMatch(/^W\/".+"$/);
    expect(headers.get("cache-control")).toBe("private, no-cache");
    expect(headers.get("vary")).toContain("Authorization");
  });

  it("defaults the type to flagship and answers the next call from the snapshot", async () => {
    const first = await callRoute(GET, "/api/ai-model-config?provider=anthropic");
    const second = await callRoute(GET, "/api/ai-model-config?provider=anthropic&type=flagship");
    expect(first.json.model_type).toBe("flagship");
    expect(first.json.source).toBe("database");
    expect(second.json.source).toBe("cache");
    expect(second.json.model_name).toBe(first.json.model_name);
  });

  it("answers a POST body the same as the query", async () => {
    const get = await callRoute(GET, "/api/ai-model-config?provider=mistral&type=fast");
    const post = await callRoute(POST, "/api/ai-model-config", { body: { provider: "mistral", type: "fast" } });
    expect(post.status).toBe(200);
    expect({ ...post.json, source: "x" }).toEqual({ ...get.json, source: "x" });
  });

  it("answers 304 to a matching If-None-Match, even when the first answer came from the database", async () => {
    const first = await callRoute(GET, "/api/ai-model-config?provider=google&type=fast");
    const again = await callRoute(GET, "/api/ai-model-config?provider=google&type=fast", {
      headers: { "if-none-match": first.headers.get("etag")! },
    });
    expect(again.status).toBe(304);
    expect(again.json).toBeUndefined();
    expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
    const other = await callRoute(GET, "/api/ai-model-config?provider=google&type=fast", { headers: { "if-none-match": 'W/"other"' } });
    expect(other.status).toBe(200);
  });

  it("answers a new default at once after invalidateConfigCache, with a new ETag", async () => {
    const before = await callRoute(GET, "/api/ai-model-config?provider=openai&type=fast");
    await makeDefault(t.db, "openai", "fast", "gpt-5-nano");
    const stale = await callRoute(GET, "/api/ai-model-config?provider=openai&type=fast");
    expect(stale.json.model_name).toBe(before.json.model_name); // the snapshot still answers
    invalidateConfigCache();
    const after = await callRoute(GET, "/api/ai-model-config?provider=openai&type=fast", {
      headers: { "if-none-match": before.headers.get("etag")! },
    });
    expect(after.status).toBe(200);
    expect(after.json).toMatchObject({ model_name: "gpt-5-nano", source: "database" });
    expect(after.headers.get("etag")).not.toBe(before.headers.get("etag"));
  });

  it("answers from the last good snapshot, then the same after it expires, when the database goes down", async () => {
    let clock = 1_000_000;
    resetConfigCache({ now: () => clock });
    await makeDefault(t.db, "google", "flagship", "gemini-registry-only");
    const good = await callRoute(GET, "/api/ai-model-config?provider=google");
    expect(good.json).toMatchObject({ model_name: "gemini-registry-only", source: "database" });
    setDb(await closedDb(driver));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect((await callRoute(GET, "/api/ai-model-config?provider=google")).json.source).toBe("cache");
      clock += 10 * 60_000; // past the TTL
      for (let i = 0; i < 3; i++) {
        clock += 5_000; // past the retry pause, so each call tries the database again
        const down = await callRoute(GET, "/api/ai-model-config?provider=google");
        expect(down.status).toBe(200);
        expect(down.json).toMatchObject({ model_name: "gemini-registry-only", source: "fallback" });
      }
      expect(logged).toHaveBeenCalledTimes(1);
    } finally {
      logged.mockRestore();
    }
  });

  it("answers the built-in default with source fallback when the database is down from the start", async () => {
    setDb(await closedDb(driver));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const { status, json } = await callRoute(GET, "/api/ai-model-config?provider=anthropic&type=fast");
      expect(status).toBe(200);
      expect(json).toMatchObject({ model_name: getFallbackDefault("anthropic", "fast").model_name, source: "fallback" });
      expect(modelConfigResponseSchema.safeParse(json).success).toBe(true);
    } finally {
      logged.mockRestore();
    }
  });
});

describe("bad requests to /api/ai-model-config", () => {
  const cases: [string, () => ReturnType<typeof callRoute>, number, RegExp][] = [
    ["a missing provider", () => callRoute(GET, "/api/ai-model-config?type=fast"), 400, /provider/],
    ["an unknown provider", () => callRoute(GET, "/api/ai-model-config?provider=acme"), 400, /provider/],
    ["a legacy type (no default)", () => callRoute(GET, "/api/ai-model-config?provider=openai&type=legacy"), 400, /type/],
    ["an unknown type", () => callRoute(GET, "/api/ai-model-config?provider=openai&type=huge"), 400, /type/],
    ["a body without provider", () => callRoute(POST, "/api/ai-model-config", { body: { type: "fast" } }), 400, /provider/],
    ["malformed JSON", () => callRoute(POST, "/api/ai-model-config", { rawBody: "{provider:" }), 400, /JSON/],
    [
      "a body over 64 KB",
      () => callRoute(POST, "/api/ai-model-config", { body: { provider: "openai", pad: "x".repeat(70_000) } }),
      413,
      /KB/,
    ],
    ["PUT", () => callRoute(PUT, "/api/ai-model-config", { method: "PUT" }), 405, /GET or POST/],
    ["DELETE", () => callRoute(DELETE, "/api/ai-model-config", { method: "DELETE" }), 405, /GET or POST/],
  ];
  it.each(cases)("rejects %s with the right status and a message naming the problem", async (_name, call, status, message) => {
    const { status: got, json } = await call();
    expect(got).toBe(status);
    expect(json.success).toBe(false);
    expect(json.error.message).toMatch(message);
  });
});

describe("authentication of /api/ai-model-config", () => {
  const path = "/api/ai-model-config?provider=openai";
  beforeAll(async () => {
    resetConfigCache();
    setDb(await closedDb("pglite")); // auth is judged before the database; answers come from the fallback
    vi.spyOn(console, "error").mockImplementation(() => {});
  });
  afterAll(() => {
    setDb(undefined);
    vi.restoreAllMocks();
  });

  it("refuses a request without a token with 401 and a WWW-Authenticate challenge", async () => {
    const { status, json, headers } = await callRoute(GET, path, { token: null });
    expect(status).toBe(401);
    expect(json.error.code).toBe("unauthorized");
    expect(headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("refuses a wrong token with 401", async () => {
    expect((await callRoute(GET, path, { token: "not-a-key-at-all" })).status).toBe(401);
  });

  it("accepts every CONFIG_API_KEYS entry and the admin token", async () => {
    expect((await callRoute(GET, path)).status).toBe(200);
    expect((await callRoute(GET, path, { token: "test-read-key-abcdefghij" })).status).toBe(200);
    expect((await callRoute(GET, path, { token: ADMIN_TOKEN })).status).toBe(200);
  });

  it("refuses a key the moment CONFIG_API_KEYS drops it, though it was just accepted (tokens' digests are remembered, not verdicts)", async () => {
    const rotated = "rotated-read-key-0123456789";
    const restore = setProcessEnv({ CONFIG_API_KEYS: `${process.env.CONFIG_API_KEYS},${rotated}` });
    try {
      expect((await callRoute(GET, path, { token: rotated })).status).toBe(200);
      process.env.CONFIG_API_KEYS = process.env.CONFIG_API_KEYS!.replace(`,${rotated}`, "");
      expect((await callRoute(GET, path, { token: rotated })).status).toBe(401);
      expect((await callRoute(GET, path)).status).toBe(200);
    } finally {
      restore();
    }
  });
});
