// npm start's fast read path: a node:http front that answers the config read routes (lib/config/read-routes.ts)
// itself, with the headers proxy.ts gives Next's answers, and leaves every other request to Next.
import type http from "node:http";
import { apiGate } from "@/lib/security/api-gate";
import { apiSecurityHeaders } from "@/lib/security/headers";
import { MAX_BODY_BYTES, tooLarge } from "./body";
import type { ApiAnswer, ApiRequest, CoreRouteTable, Method } from "./core";
import { errorAnswer } from "./errors";
import { ApiError } from "./errors";

const METHODS = new Set<string>(["GET", "POST", "PUT", "PATCH", "DELETE"]);

// Next's server puts its own names first in the Vary of every answer it sends, and its compression adds
// Accept-Encoding to one with a body: the front sends the same Vary (it does not compress: callers that ask
// for gzip get the same JSON unencoded).
const NEXT_VARY = "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch";

/** Answers a request whose path is one of `routes` and returns true; false leaves it to Next (HEAD, OPTIONS, the rest). */
export type NodeHost = (req: http.IncomingMessage, res: http.ServerResponse) => boolean;

export function createNodeHost(routes: Readonly<Record<string, CoreRouteTable>>, production = process.env.NODE_ENV === "production"): NodeHost {
  const security = apiSecurityHeaders(production);
  return (req, res) => {
    const raw = req.url ?? "/";
    const q = raw.indexOf("?");
    const table = routes[q < 0 ? raw : raw.slice(0, q)];
    const method = req.method ?? "GET";
    if (!table || !METHODS.has(method)) return false;
    const refused = apiGate(method, q < 0 ? raw : raw.slice(0, q)); // never for these paths; kept so both hosts gate alike
    if (refused) return false;
    const route = table[method as Method];
    route(fromIncoming(req, raw)).then(
      (answer) => writeAnswer(res, security, answer),
      () => writeAnswer(res, security, errorAnswer(new ApiError("internal_error", "Internal error"))),
    );
    return true;
  };
}

function fromIncoming(req: http.IncomingMessage, raw: string): ApiRequest {
  let url: URL;
  try {
    url = new URL(raw, `http://${req.headers.host ?? "localhost"}`);
  } catch {
    url = new URL(raw, "http://localhost"); // a Host header no URL can hold
  }
  const headers = {
    get(name: string): string | null {
      const v = req.headers[name.toLowerCase()];
      if (v === undefined) return null;
      return Array.isArray(v) ? v.join(", ") : v;
    },
  };
  return { method: req.method ?? "GET", url, headers, text: () => readText(req) };
}

/** The body, at most MAX_BODY_BYTES: declared or sent past it is a 413 (the rest is drained by Node). */
function readText(req: http.IncomingMessage): Promise<string> {
  if (Number(req.headers["content-length"] ?? "0") > MAX_BODY_BYTES) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.off("data", onData);
        req.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.once("error", reject);
  });
}

function writeAnswer(res: http.ServerResponse, security: Record<string, string>, answer: ApiAnswer): void {
  if (res.headersSent) return;
  const headers: Record<string, string | number> = { ...security, ...answer.headers };
  const own = answer.headers.Vary ? `${NEXT_VARY}, ${answer.headers.Vary}` : NEXT_VARY;
  headers.Vary = answer.body !== null ? `${own}, Accept-Encoding` : own;
  if (answer.body !== null) headers["content-length"] = Buffer.byteLength(answer.body);
  res.writeHead(answer.status, headers);
  res.end(answer.body ?? undefined);
}
