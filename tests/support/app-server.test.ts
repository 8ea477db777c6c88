import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, setupConfigEnv } from "./config-fixtures";
import { matchRoute, startAppServer, type AppServer } from "./app-server";

setupConfigEnv();

describe("the test app server", () => {
  let server: AppServer;
  beforeAll(async () => {
    server = await startAppServer({
      routes: [{ path: "/api/echo/[id]", module: { GET: async (_req: Request, ctx: { params: Promise<{ id: string }> }) => Response.json(await ctx.params) } }],
    });
  });
  afterAll(async () => server?.close());

  it("matches Next-style paths and hands the params to the handler as a promise", async () => {
    expect(matchRoute("/api/x/[id]", "/api/x/a%20b")).toEqual({ id: "a b" });
    expect(matchRoute("/api/x/[id]", "/api/x")).toBeUndefined();
    expect(await (await fetch(`${server.url}/api/echo/42`)).json()).toEqual({ id: "42" });
  });

  it("answers 404 for an unknown path and 405 for a method the route does not export", async () => {
    expect((await fetch(`${server.url}/api/nothing`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/echo/1`, { method: "POST", body: "{}" })).status).toBe(405);
  });

  it("delivers a 413 for an oversized upload instead of resetting the connection", async () => {
    const own = await startAppServer();
    try {
      const res = await fetch(`${own.url}/api/ai-model-config`, {
        method: "POST",
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify({ provider: "openai", pad: "y".repeat(300_000) }),
      });
      expect(res.status).toBe(413);
      expect((await res.json()).error.code).toBe("payload_too_large");
    } finally {
      await own.close();
    }
  });
});
