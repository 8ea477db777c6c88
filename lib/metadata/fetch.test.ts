import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchDocument } from "./fetch";

// A small real server for the edge cases the fake provider server does not stage.
let server: http.Server;
let base: string;
const seen: http.IncomingHttpHeaders[] = [];
beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(req.headers);
    if (req.url === "/doc") {
      if (req.headers["if-none-match"] === '"v1"') return void res.writeHead(304).end();
      return void res.writeHead(200, { etag: '"v1"', "last-modified": "Sun, 30 Nov 2025 12:00:00 GMT" }).end('{"ok":true}');
    }
    if (req.url === "/declared-big") return void res.writeHead(200, { "content-length": "5000" }).end("x".repeat(5000));
    if (req.url === "/chunked-big") {
      res.writeHead(200);
      res.write("x".repeat(3000));
      return void setTimeout(() => res.end("y".repeat(3000)), 20);
    }
    if (req.url === "/stall-body") {
      res.writeHead(200, { "content-type": "application/json" });
      return void res.write('{"partial":');
    }
    if (req.url === "/moved") return void res.writeHead(302, { location: "/doc" }).end();
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const opts = { timeoutMs: 500, maxBytes: 4096, now: () => new Date("2025-12-01T00:00:00Z") };

describe("fetchDocument", () => {
  it("answers the body with its validators and the fetch time", async () => {
    expect(await fetchDocument(`${base}/doc`, opts)).toEqual({ kind: "ok", text: '{"ok":true}', etag: '"v1"', lastModified: "Sun, 30 Nov 2025 12:00:00 GMT", fetchedAt: "2025-12-01T00:00:00.000Z" });
  });

  it("sends the stored validators and reports a 304", async () => {
    seen.length = 0;
    const r = await fetchDocument(`${base}/doc`, { ...opts, etag: '"v1"', lastModified: "Sun, 30 Nov 2025 12:00:00 GMT" });
    expect(r).toEqual({ kind: "not_modified", fetchedAt: "2025-12-01T00:00:00.000Z" });
    expect(seen[0]).toMatchObject({ "if-none-match": '"v1"', "if-modified-since": "Sun, 30 Nov 2025 12:00:00 GMT" });
  });

  it("sends no validators when it has none", async () => {
    seen.length = 0;
    await fetchDocument(`${base}/doc`, opts);
    expect(seen[0]).not.toHaveProperty("if-none-match");
    expect(seen[0]).not.toHaveProperty("if-modified-since");
  });

  it("refuses a declared length over the cap, and a body that grows past it while streaming", async () => {
    const message = "the document is larger than 4096 bytes (METADATA_MAX_BYTES)";
    expect(await fetchDocument(`${base}/declared-big`, opts)).toEqual({ kind: "error", code: "oversized", message });
    expect(await fetchDocument(`${base}/chunked-big`, opts)).toEqual({ kind: "error", code: "oversized", message });
  });

  it("times out a body that stops half-way", async () => {
    const start = performance.now();
    expect(await fetchDocument(`${base}/stall-body`, opts)).toEqual({ kind: "error", code: "timeout", message: "no complete answer within 500 ms" });
    expect(performance.now() - start).toBeLessThan(3000);
  });

  it("answers an HTTP error and a refused connection as typed results, never throwing", async () => {
    expect(await fetchDocument(`${base}/missing`, opts)).toEqual({ kind: "error", code: "http", status: 404, message: "answered HTTP 404" });
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const r = await fetchDocument(`http://127.0.0.1:${port}/x`, opts);
    expect(r).toMatchObject({ kind: "error", code: "network" });
  });

  it("follows a redirect (no credential travels with these requests)", async () => {
    expect(await fetchDocument(`${base}/moved`, opts)).toMatchObject({ kind: "ok", text: '{"ok":true}' });
  });
});
