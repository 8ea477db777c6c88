// A real HTTP server that serves the app's route handlers without Next: tests and clients talk to it over
// the loopback like they would to `next start`, but it starts in milliseconds inside the test process.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import * as allRoute from "@/app/api/ai-model-config/all/route";
import * as historyRoute from "@/app/api/ai-model-config/history/route";
import * as openapiRoute from "@/app/api/ai-model-config/openapi.json/route";
import * as providersRoute from "@/app/api/ai-model-config/providers/route";
import * as configRoute from "@/app/api/ai-model-config/route";
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
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    // Node's fetch needs this for a streamed body.
    ...(hasBody ? { duplex: "half" } : {}),
  } as RequestInit);
}

async function sendWebResponse(res: http.ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  res.writeHead(response.status, headers);
  res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
}

function notFound(res: http.ServerResponse): void {
  res.writeHead(404, { "content-type": "application/json" });
  res.end(JSON.stringify({ success: false, error: { code: "not_found", message: "No such route" } }));
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
        if (typeof handler !== "function") break;
        return sendWebResponse(res, await handler(toWebRequest(req, url), { params: Promise.resolve(params) }));
      }
      notFound(res);
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
