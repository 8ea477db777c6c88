// Runs a route suite through npm start's node:http front (lib/api/node-host.ts) instead of calling the Next
// handlers directly: with AMM_ROUTE_HOST=node, callRoute sends each request over real HTTP to that front
// whenever the path is one it serves. Both hosts must answer alike (status, headers, body).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeHost } from "@/lib/api/node-host";
import { FAST_READ_ROUTES } from "@/lib/config/read-routes";
import * as modelConfig from "@/app/api/ai-model-config/route";
import * as providers from "@/app/api/ai-model-config/providers/route";
import * as validate from "@/app/api/ai-model-config/validate/route";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Each Next handler of a fast route, by identity: which method of which path it is. */
const HANDLERS = new Map<unknown, { method: string; path: string }>(
  (
    [
      ["/api/ai-model-config", modelConfig],
      ["/api/ai-model-config/providers", providers],
      ["/api/ai-model-config/validate", validate],
    ] as const
  ).flatMap(([path, mod]) => METHODS.map((method) => [mod[method], { method, path }] as const)),
);

let front: Promise<number> | undefined;

function startFront(): Promise<number> {
  const host = createNodeHost(FAST_READ_ROUTES);
  const server = http.createServer((req, res) => {
    if (host(req, res)) return;
    res.writeHead(404).end(); // the suites only send the fast routes here
  });
  server.unref();
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

export const viaNodeHost = () => process.env.AMM_ROUTE_HOST === "node";

/** The answer of the node:http front to the request a Next handler was to get; undefined when it does not serve it. */
export async function callNodeHost(handler: unknown, req: Request): Promise<Response | undefined> {
  const target = HANDLERS.get(handler);
  const url = new URL(req.url);
  if (!target || target.path !== url.pathname) return undefined;
  const port = await (front ??= startFront());
  const headers: Record<string, string> = { host: url.host };
  req.headers.forEach((v, k) => (headers[k] = v));
  const body = req.body ? Buffer.from(await req.arrayBuffer()) : undefined;
  return new Promise((resolve, reject) => {
    const out = http.request({ host: "127.0.0.1", port, agent: false, method: target.method, path: url.pathname + url.search, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const h = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === "string") h.set(k, v);
        const status = res.statusCode ?? 500;
        resolve(new Response(status === 304 || status === 204 ? null : Buffer.concat(chunks), { status, headers: h }));
      });
    });
    out.on("error", reject);
    out.end(body);
  });
}
