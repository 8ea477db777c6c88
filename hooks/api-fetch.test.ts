import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClientError, apiFetch, errorMessage } from "./api-fetch";

// A real HTTP server answering the shapes our routes (and a proxy in front of them) can answer.
let server: http.Server;
let base = "";

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const send = (status: number, body: string, type = "application/json") => {
      res.writeHead(status, { "content-type": type });
      res.end(body);
    };
    switch (req.url) {
      case "/ok":
        return send(200, JSON.stringify({ success: true, models: [], count: 0, method: req.method }));
      case "/echo": {
        let data = "";
        req.on("data", (c) => (data += c));
        req.on("end", () => send(200, JSON.stringify({ success: true, got: JSON.parse(data), type: req.headers["content-type"] })));
        return;
      }
      case "/conflict":
        return send(409, JSON.stringify({ success: false, run_id: "r-1", error: { code: "conflict", message: "A discovery run is already under way" } }));
      case "/bad":
        return send(400, JSON.stringify({ success: false, error: { code: "bad_request", message: 'Invalid body field "model_type"', issues: [{ path: "model_type", message: "bad" }] } }));
      case "/unauthorized":
        return send(401, JSON.stringify({ success: false, error: { code: "unauthorized", message: "Missing Authorization: Bearer <token>" } }));
      case "/html":
        return send(502, "<html>Bad gateway</html>", "text/html");
      case "/slow":
        setTimeout(() => send(200, "{}"), 5000);
        return;
      default:
        return send(404, JSON.stringify({ success: false, error: { code: "not_found", message: "no route" } }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function rejection(p: Promise<unknown>): Promise<ApiClientError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiClientError);
  return err as ApiClientError;
}

describe("apiFetch", () => {
  it("resolves with the JSON body of a 2xx answer", async () => {
    await expect(apiFetch(`${base}/ok`)).resolves.toMatchObject({ success: true, count: 0, method: "GET" });
  });

  it("sends a JSON body with its content type", async () => {
    await expect(apiFetch(`${base}/echo`, { method: "POST", body: { wait: false } })).resolves.toMatchObject({
      got: { wait: false },
      type: "application/json",
    });
  });

  it("turns an error body into an ApiClientError with code, message, status, issues and the extra fields", async () => {
    const conflict = await rejection(apiFetch(`${base}/conflict`, { method: "POST", body: {} }));
    expect(conflict).toMatchObject({ status: 409, code: "conflict", message: "A discovery run is already under way" });
    expect(conflict.body.run_id).toBe("r-1");
    const bad = await rejection(apiFetch(`${base}/bad`));
    expect(bad.issues).toEqual([{ path: "model_type", message: "bad" }]);
  });

  it("reports an answer that is not JSON by its status", async () => {
    const err = await rejection(apiFetch(`${base}/html`));
    expect(err).toMatchObject({ status: 502, code: "http_502" });
    expect(err.message).toContain("502");
  });

  it("reports a server that cannot be reached as a network error", async () => {
    const err = await rejection(apiFetch("http://127.0.0.1:1/nothing"));
    expect(err).toMatchObject({ status: 0, code: "network_error" });
  });

  it("lets an aborted request reject as an abort, not as an API error", async () => {
    const controller = new AbortController();
    const p = apiFetch(`${base}/slow`, { signal: controller.signal });
    controller.abort();
    const err = await p.catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(ApiClientError);
    expect((err as Error).name).toBe("AbortError");
  });
});

describe("errorMessage", () => {
  it("says the session ended for a 401, since the console signs in with a cookie", async () => {
    const err = await rejection(apiFetch(`${base}/unauthorized`));
    expect(errorMessage(err)).toMatch(/session has ended/);
  });
  it("passes other messages through", () => {
    expect(errorMessage(new ApiClientError(400, "bad_request", 'Invalid body field "x"'))).toBe('Invalid body field "x"');
    expect(errorMessage(new Error("boom"))).toBe("boom");
    expect(errorMessage("?")).toBe("Something went wrong.");
  });
});
