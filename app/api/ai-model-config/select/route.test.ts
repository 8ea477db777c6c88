import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resetConfigCache } from "@/lib/config/cache";
import { setDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/types";
import { startAppServer, type AppServer } from "@/tests/support/app-server";
import { closedDb, READ_KEY, setupConfigEnv, useRouteDb } from "@/tests/support/config-fixtures";
import { DRIVERS } from "@/tests/support/databases";

setupConfigEnv();

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

let server: AppServer;
beforeAll(async () => {
  server = await startAppServer();
});
afterAll(async () => server?.close());

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read what they assert
type Answer = { status: number; headers: Headers; json: any };
async function get(query: string, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${server.url}/api/ai-model-config/select${query}`, { headers: { authorization: `Bearer ${READ_KEY}`, ...headers } });
  return { status: res.status, headers: res.headers, json: res.status === 304 ? undefined : await res.json() };
}
async function post(body: unknown): Promise<Answer> {
  const res = await fetch(`${server.url}/api/ai-model-config/select`, {
    method: "POST", headers: { authorization: `Bearer ${READ_KEY}`, "content-type": "application/json" }, body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, json: await res.json() };
}
const names = (a: Answer) => [a.json.model_name, ...a.json.alternatives.map((m: { model_name: string }) => m.model_name)];

describe.each(DRIVERS)("select over HTTP on %s", (driver) => {
  useRouteDb(driver, async (db) => {
    // A flagship whose vision nobody states, a fast model shutting down in 10 days, one retired yesterday.
    await db.query(`update public.ai_model_configs set capabilities = capabilities - 'vision' where model_name = 'claude-sonnet-4-5'`);
    await db.query("update public.ai_model_configs set shutdown_date = $1 where model_name = 'gpt-5-nano'", [inDays(10)]);
    await db.query("update public.ai_model_configs set shutdown_date = $1 where model_name = 'gemini-2.5-flash-lite'", [inDays(-1)]);
    await db.query("update public.ai_model_configs set pricing = pricing - 'input_per_mtok' where model_name = 'mistral-small-latest'");
  });

  let dead: Db;
  beforeAll(async () => {
    dead = await closedDb(driver);
  });

  it("answers the best model across providers in the config answer's shape, with alternatives and matched", async () => {
    const a = await get("");
    expect(a.status).toBe(200);
    expect(a.json).toMatchObject({ success: true, model_name: "gpt-5", provider: "openai", model_type: "flagship", source: "database", pricing: { input_per_mtok: 1.25 } });
    expect(a.json).toHaveProperty("provenance");
    expect(a.json.alternatives).toHaveLength(5);
    expect(a.json.alternatives[0]).toMatchObject({ model_name: "claude-sonnet-4-5", capabilities: expect.any(Object) });
    expect(a.json.matched).toBeGreaterThan(20);
    expect(a.headers.get("etag")).toBeTruthy();
    expect((await get("", { "if-none-match": a.headers.get("etag")! })).status).toBe(304);
  });

  it("filters by type, capabilities, context, output and prices; an unknown fact never satisfies", async () => {
    const vision = await get("?type=flagship&capabilities=vision,reasoning");
    // sonnet's vision is unknown, mistral-large has none: opus leads anthropic's eligible flagships
    expect(names(vision)).toEqual(["gpt-5", "claude-opus-4-1", "gemini-2.5-pro"]);
    expect(vision.json.matched).toBe(3);
    const big = await get("?min_context=1000000&min_output=60000&type=fast");
    expect(names(big)).toEqual(["gemini-2.5-flash"]); // flash-lite retired yesterday
    const cheap = await get("?type=fast&max_input_price=0.3&max_output_price=2.5&providers=mistral,google,openai");
    // gpt-5-nano shuts down within 30 days; mistral-small's input price is unknown
    expect(names(cheap)).toEqual(["gemini-2.5-flash", "gpt-5-mini"]);
  });

  it("orders by price on request and breaks rank ties by the providers parameter", async () => {
    const byPrice = await get("?type=fast&order=price");
    expect(names(byPrice)).toEqual(["gpt-5-mini", "gemini-2.5-flash", "mistral-medium-latest", "claude-haiku-4-5", "mistral-small-latest"]);
    expect(names(byPrice).at(-1)).toBe("mistral-small-latest"); // unknown input price: last
    const ranked = await get("?type=fast&providers=anthropic,google");
    expect(names(ranked)).toEqual(["claude-haiku-4-5", "gemini-2.5-flash"]);
  });

  it("lets previews in only with include_preview", async () => {
    expect(names(await get("?type=flagship&providers=google"))).toEqual(["gemini-2.5-pro"]);
    expect(names(await get("?type=flagship&providers=google&include_preview=true"))).toEqual(["gemini-2.5-pro", "gemini-3-pro-preview"]);
  });

  it("answers a POST body with lists as arrays like the same GET query", async () => {
    const body = await post({ type: "flagship", capabilities: ["vision", "reasoning"], providers: ["google", "openai"], max_input_price: 2 });
    expect(body.status).toBe(200);
    expect(names(body)).toEqual(names(await get("?type=flagship&capabilities=vision,reasoning&providers=google,openai&max_input_price=2")));
    expect(names(body)).toEqual(["gemini-2.5-pro", "gpt-5"]);
  });

  it("answers 404 no_match when nothing qualifies", async () => {
    const none = await get("?min_context=5000000");
    expect(none.status).toBe(404);
    expect(none.json.error.code).toBe("no_match");
  });

  it.each([
    ["?colour=red", "colour"],
    ["?type=cheap", "type"],
    ["?capabilities=vision,telepathy", "capabilities"],
    ["?min_context=lots", "min_context"],
    ["?min_output=0", "min_output"],
    ["?max_input_price=-1", "max_input_price"],
    ["?max_output_price=free", "max_output_price"],
    ["?providers=openai,cohere", "providers"],
    ["?order=newest", "order"],
    ["?include_preview=yes", "include_preview"],
  ])("refuses %s with 400 naming %s", async (query, field) => {
    const bad = await get(query);
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toContain(field);
    expect(bad.json.error.message).toContain(field);
  });

  it("refuses a body with an unknown name or a list that is not one", async () => {
    const unknown = await post({ type: "fast", budget: 3 });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.issues[0].path).toBe("budget");
    expect((await post({ capabilities: [1] })).json.error.issues[0].path).toBe("capabilities.0");
  });

  it("needs a read credential", async () => {
    const res = await fetch(`${server.url}/api/ai-model-config/select`);
    expect(res.status).toBe(401);
  });

  it("keeps answering from the last snapshot while the database is down, and from the catalog before any read", async () => {
    let clock = 5_000_000;
    resetConfigCache({ now: () => clock });
    expect((await get("?type=fast")).json).toMatchObject({ model_name: "gpt-5-mini", source: "database" });
    setDb(dead);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      clock += 10 * 60_000;
      expect((await get("?type=fast")).json).toMatchObject({ model_name: "gpt-5-mini", source: "fallback" });
      resetConfigCache();
      // Never read since the start: the built-in catalog answers, as the slot answers do.
      const never = await get("?type=fast&capabilities=vision");
      expect(never.status).toBe(200);
      expect(never.json).toMatchObject({ model_name: "gpt-5-mini", source: "fallback" });
      expect(never.json.alternatives.every((m: { source: string }) => m.source === "fallback")).toBe(true);
    } finally {
      logged.mockRestore();
    }
  });
});
