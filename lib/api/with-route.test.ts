import { describe, expect, it, vi } from "vitest";
import { DELETE as CONFIG_DELETE, GET as CONFIG } from "@/app/api/ai-model-config/route";
import { setDb } from "@/lib/db/client";
import { resetLogger } from "@/lib/logger";
import { callRoute, closedDb, READ_KEY, setupConfigEnv, useRouteDb } from "@/tests/support/config-fixtures";

setupConfigEnv();

describe("withRoute's request context", () => {
  useRouteDb("pglite");

  it("puts the caller's request id on the answer and on the log lines of that request, without the key", async () => {
    setDb(await closedDb("pglite"));
    resetLogger();
    const lines: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((line: unknown) => void lines.push(String(line)));
    try {
      const res = await callRoute(CONFIG, "/api/ai-model-config?provider=openai", { headers: { "x-request-id": "trace-me-7" } });
      expect(res.json.source).toBe("fallback");
      expect(res.headers.get("x-request-id")).toBe("trace-me-7");
      expect(lines).toHaveLength(1);
      const entry = JSON.parse(lines[0]);
      expect(entry).toMatchObject({ level: "error", request_id: "trace-me-7" });
      expect(entry.msg).toMatch(/unreachable/);
      expect(lines[0]).not.toContain(READ_KEY);
    } finally {
      spy.mockRestore();
    }
  });

  it("makes a request id when the caller sends none, a new one each request", async () => {
    const a = await callRoute(CONFIG, "/api/ai-model-config?provider=openai");
    const b = await callRoute(CONFIG, "/api/ai-model-config?provider=openai");
    expect(a.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.headers.get("x-request-id")).not.toBe(a.headers.get("x-request-id"));
  });

  it("puts the request id on a 405 too", async () => {
    const res = await callRoute(CONFIG_DELETE, "/api/ai-model-config", { method: "DELETE", headers: { "x-request-id": "wrong-verb-1" } });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, POST");
    expect(res.headers.get("x-request-id")).toBe("wrong-verb-1");
  });

  it("puts the request id on error answers too", async () => {
    const res = await callRoute(CONFIG, "/api/ai-model-config?provider=openai", { token: null, headers: { "x-request-id": "no-key-1" } });
    expect(res.status).toBe(401);
    expect(res.headers.get("x-request-id")).toBe("no-key-1");
  });
});
