// A real HTTP server that serves the app's route handlers without Next: tests and clients talk to it over
// the loopback like they would to `next start`, but it starts in milliseconds inside the test process.
import http from "node:http";
import type { AddressInfo } from "node:net";
import * as allRoute from "@/app/api/ai-model-config/all/route";
import * as historyRoute from "@/app/api/ai-model-config/history/route";
import * as openapiRoute from "@/app/api/ai-model-config/openapi.json/route";
import * as providersRoute from "@/app/api/ai-model-config/providers/route";
import * as configRoute from "@/app/api/ai-model-config/route";
import * as routeConfigRoute from "@/app/api/ai-model-config/routes/[name]/route";
import * as selectRoute from "@/app/api/ai-model-config/select/route";
import * as validateRoute from "@/app/api/ai-model-config/validate/route";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Response | Promise<Response>;
/** The exports of an `app/api/**\/route.ts` module (GET, POST …). */
export type RouteModule = Partial<Record<string, unknown>>;

export interface RouteEntry {
  /** A Next-style path: `/api/ai-model-updater/runs/[id]` (a bracketed segment is a param). */
  path: string;
  module: RouteModule;
}

/** The config API's routes; other suites spread this into their own table. */
export const CONFIG_ROUTES: RouteEntry[] = [
  { path: "/api/ai-model-config", module: configRoute },
  { path: "/api/ai-model-config/providers", module: providersRoute },
  { path: "/api/ai-model-config/all", module: allRoute },
  { path: "/api/ai-model-config/history", module: historyRoute },
  { path: "/api/ai-model-config/validate", module: validateRoute },
  { path: "/api/ai-model-config/select", module: selectRoute },
  { path: "/api/ai-model-config/routes/[name]", module: routeConfigRoute },
  { path: "/api/ai-model-config/openapi.json", module: openapiRoute },
];

export interface AppServer {
  /** Base URL, e.g. http://127.0.0.1:43121 (no trailing slash). */
  url: string;
  /** Every request the server received, in order ("GET /api/…?…"). */
  requests: string[];
  close(): Promise<void>;
}

/** Matches a path against a Next-style pattern; the params on success. */
export function matchRoute(pattern: string, pathname: string): Record<string, string> | undefined {
  const want = pattern.split("/").filter(Boolean);
  const got = pathname.split("/").filter(Boolean);
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const param = /^\[(\w+)\]$/.exec(want[i]);
    if (param) params[param[1]] = decodeURIComponent(got[i]);
    else if (want[i] !== got[i]) return undefined;
  }
  return params;
}

/**
 * The request body as a web stream. Unlike Readable.toWeb, cancelling it (a 413 stops reading) drains the rest
 * instead of destroying the socket, so the client still receives the answer.
 */
function bodyStream(req: http.IncomingMessage): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on("data", (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk)));
      req.on("end", () => {
        try {
          controller.close();
        } catch {
          // cancelled before the end
        }
      });
      req.on("error", (err) => controller.error(err));
    },
    cancel() {
      req.removeAllListeners("data");
      req.resume();
    },
  });
}

/** Waits until the whole request has arrived (read or discarded), so answering does not cut the upload off. */
function drained(req: http.IncomingMessage): Promise<void> {
  if (req.readableEnded || req.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    req.once("end", resolve);
    req.once("close", resolve);
    req.resume();
  });
}

function toWebRequest(req: http.IncomingMessage, url: URL): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(url, {
    method: req.method,
    headers,
    body: hasBody ? bodyStream(req) : undefined,
    // Node's fetch needs this for a streamed body.
    ...(hasBody ? { duplex: "half" } : {}),
  } as RequestInit);
}

async function sendWebResponse(req: http.IncomingMessage, res: http.ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  const payload = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
  await drained(req);
  res.writeHead(response.status, headers);
  res.end(payload);
}

async function answerPlain(req: http.IncomingMessage, res: http.ServerResponse, status: number, code: string, message: string): Promise<void> {
  await drained(req);
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify({ success: false, error: { code, message } }));
}

/** Starts the server on 127.0.0.1 and a free port, serving the given route table (the config API's by default). */
export async function startAppServer(options: { routes?: RouteEntry[] } = {}): Promise<AppServer> {
  const routes = options.routes ?? CONFIG_ROUTES;
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    void (async () => {
      for (const route of routes) {
        const params = matchRoute(route.path, url.pathname);
        if (!params) continue;
        const handler = route.module[req.method ?? "GET"] as Handler | undefined;
        if (typeof handler !== "function") return answerPlain(req, res, 405, "method_not_allowed", "Method not allowed"); // as Next does
        return sendWebResponse(req, res, await handler(toWebRequest(req, url), { params: Promise.resolve(params) }));
      }
      return answerPlain(req, res, 404, "not_found", "No such route");
    })().catch((err: unknown) => {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(`app-server: ${err instanceof Error ? err.message : String(err)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
