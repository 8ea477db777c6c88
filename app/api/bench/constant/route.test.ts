import { afterEach, describe, expect, it } from "vitest";
import { GET } from "./route";

describe("GET /api/bench/constant", () => {
  const saved = process.env.AMM_BENCH;
  afterEach(() => {
    if (saved === undefined) delete process.env.AMM_BENCH;
    else process.env.AMM_BENCH = saved;
  });

  it("does not exist (404) unless the benchmark started the app with AMM_BENCH=1", async () => {
    delete process.env.AMM_BENCH;
    const res = GET(new Request("http://x/api/bench/constant"));
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("not_found");
  });

  it("answers a constant config-shaped JSON under the benchmark", async () => {
    process.env.AMM_BENCH = "1";
    const res = GET(new Request("http://x/api/bench/constant"));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ success: true, provider: "openai", model_type: "flagship", source: "fallback" });
    expect([...res.headers.keys()]).toEqual(["content-type"]);
  });

  it("carries the config answer's headers when asked (?headers=config), with the same body", async () => {
    process.env.AMM_BENCH = "1";
    const plain = await GET(new Request("http://x/api/bench/constant")).text();
    const res = GET(new Request("http://x/api/bench/constant?headers=config"));
    expect(await res.text()).toBe(plain);
    expect(res.headers.get("cache-control")).toBe("private, no-cache");
    expect(res.headers.get("vary")).toBe("Authorization, Cookie");
    expect(res.headers.get("etag")).toMatch(/^W\/"[\w-]{27}"$/);
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
