import { describe, expect, it } from "vitest";
import { DELETE, GET, POST } from "./route";

describe("the /api catch-all", () => {
  it.each([
    ["GET", GET],
    ["POST", POST],
    ["DELETE", DELETE],
  ] as const)("answers %s on an unknown path with the JSON not_found error naming the path", async (method, handler) => {
    const res = await handler(new Request("http://127.0.0.1/api/ai-model-config/nope", { method }));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      success: false,
      error: { code: "not_found", message: "No API route at /api/ai-model-config/nope" },
    });
  });
});
