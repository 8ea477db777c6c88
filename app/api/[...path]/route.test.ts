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

  it("carries the caller's X-Request-Id, or a fresh one, like every other API answer", async () => {
    const given = await GET(new Request("http://127.0.0.1/api/nope", { headers: { "x-request-id": "trace-404" } }));
    expect(given.headers.get("x-request-id")).toBe("trace-404");
    const made = await POST(new Request("http://127.0.0.1/api/nope", { method: "POST" }));
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
