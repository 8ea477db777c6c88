// npm start's fast read path: a node:http front that answers the config read routes (lib/config/read-routes.ts)
// itself, with the headers proxy.ts gives Next's answers, and leaves every other request to Next.
import type http from "node:http";
import { deflateSync, gzipSync } from "node:zlib";
import { boundedMemo } from "@/lib/collections";
import { apiGate } from "@/lib/security/api-gate";
import { apiSecurityHeaders } from "@/lib/security/headers";
import { MAX_BODY_BYTES, tooLarge } from "./body";
import type { ApiAnswer, ApiRequest, CoreRouteTable, Method } from "./core";
import { negotiateContentCoding, type ContentCoding } from "./content-coding";
import { errorAnswer } from "./errors";
import { ApiError } from "./errors";

const METHODS = new Set<string>(["GET", "POST", "PUT", "PATCH", "DELETE"]);

// Next's server puts its own names first in the Vary of every answer it sends, and its compression adds
// Accept-Encoding to one with a body: the front sends the same Vary, and compresses as Next does.
const NEXT_VARY = "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch";

// The config answers are a few bodies asked for again and again: each is compressed once per coding.
const ENCODERS: Record<ContentCoding, (body: string) => Buffer> = {
  gzip: boundedMemo(256, (body: string) => gzipSync(body)),
  deflate: boundedMemo(256, (body: string) => deflateSync(body)),
};
const codingOf = boundedMemo(64, negotiateContentCoding);

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
    const coding = codingOf(req.headers["accept-encoding"]);
    route(fromIncoming(req, raw)).then(
      (answer) => writeAnswer(res, security, answer, coding),
      () => writeAnswer(res, security, errorAnswer(new ApiError("internal_error", "Internal error")), coding),
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

function writeAnswer(res: http.ServerResponse, security: Record<string, string>, answer: ApiAnswer, coding: ContentCoding | undefined): void {
  if (res.headersSent) return;
  const headers: Record<string, string | number> = { ...security, ...answer.headers };
  const own = answer.headers.Vary ? `${NEXT_VARY}, ${answer.headers.Vary}` : NEXT_VARY;
  headers.Vary = answer.body !== null ? `${own}, Accept-Encoding` : own;
  let body: string | Buffer | undefined = answer.body ?? undefined;
  if (body !== undefined && coding) {
    body = ENCODERS[coding](body);
    headers["Content-Encoding"] = coding;
  }
  if (body !== undefined) headers["content-length"] = Buffer.byteLength(body);
  res.writeHead(answer.status, headers);
  res.end(body);
}
