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
    const res = GET();
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("not_found");
  });

  it("answers a constant config-shaped JSON under the benchmark", async () => {
    process.env.AMM_BENCH = "1";
    const res = GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ success: true, provider: "openai", model_type: "flagship", source: "fallback" });
  });
});
