import { createHash } from "node:crypto";
import type http from "node:http";
import type { MetadataSource } from "@/lib/metadata/types";
import fakeModelsDev from "../fixtures/models-dev/fake-api.json";
import fakeLitellm from "../fixtures/litellm/fake-model-map.json";
import type { MetadataFault } from "./types";

/** Where each metadata document sits under the fake's root. */
export const METADATA_PATHS: Record<MetadataSource, string> = {
  "models.dev": "/models-dev/api.json",
  litellm: "/litellm/model_prices_and_context_window.json",
};

export function metadataSourceForPath(path: string): MetadataSource | null {
  for (const [source, p] of Object.entries(METADATA_PATHS)) if (path === p) return source as MetadataSource;
  return null;
}

export interface MetadataState {
  text: string;
  etag: string;
  lastModified: string;
  fault: MetadataFault;
}

// The fixtures' date, so a fresh fake answers the same validators every time.
const FIXTURE_DATE = "Sun, 30 Nov 2025 12:00:00 GMT";
const FIXTURES: Record<MetadataSource, unknown> = { "models.dev": fakeModelsDev, litellm: fakeLitellm };
const OVERSIZED_BYTES = 64 * 1024 * 1024; // above the default METADATA_MAX_BYTES of 50 MB

/** A document as the fake serves it, with an ETag of its bytes and the given Last-Modified. */
export function metadataState(document: unknown, lastModified: string = new Date().toUTCString()): MetadataState {
  const text = JSON.stringify(document);
  return { text, etag: `"${createHash("sha1").update(text).digest("hex").slice(0, 16)}"`, lastModified, fault: "none" };
}

export const initialMetadataState = (source: MetadataSource): MetadataState => metadataState(FIXTURES[source], FIXTURE_DATE);

function notModified(req: http.IncomingMessage, state: MetadataState): boolean {
  const tag = req.headers["if-none-match"];
  if (typeof tag === "string") return tag.split(",").map((t) => t.trim()).includes(state.etag);
  const since = Date.parse(String(req.headers["if-modified-since"] ?? ""));
  return !Number.isNaN(since) && since >= Date.parse(state.lastModified);
}

/** Streams filler without a content-length, honouring backpressure, until the client hangs up or 64 MB are sent. */
function streamOversized(res: http.ServerResponse): void {
  res.writeHead(200, { "content-type": "application/json" });
  const chunk = Buffer.alloc(64 * 1024, " ");
  let sent = 0;
  res.write("{");
  const pump = () => {
    while (!res.destroyed && sent < OVERSIZED_BYTES) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once("drain", pump);
    }
    if (!res.destroyed) res.end("}");
  };
  pump();
}

/** Answers one GET of a metadata document: the fault if one is set, else 304 or the document with validators. */
export function answerMetadata(req: http.IncomingMessage, res: http.ServerResponse, state: MetadataState): number {
  switch (state.fault) {
    case "timeout":
      return 0; // never answers; close() destroys the socket
    case "500":
      res.writeHead(500, { "content-type": "application/json" }).end('{"error":"internal server error"}');
      return 500;
    case "malformed":
      res.writeHead(200, { "content-type": "application/json" }).end(state.text.slice(0, 200));
      return 200;
    case "wrong-shape":
      res.writeHead(200, { "content-type": "application/json" }).end('{"object":"list","data":[{"id":"gpt-5","object":"model"}]}');
      return 200;
    case "oversized":
      streamOversized(res);
      return 200;
  }
  const validators = { etag: state.etag, "last-modified": state.lastModified, "cache-control": "public, max-age=300" };
  if (notModified(req, state)) {
    res.writeHead(304, validators).end();
    return 304;
  }
  res.writeHead(200, { "content-type": "application/json", "content-length": String(Buffer.byteLength(state.text)), ...validators }).end(state.text);
  return 200;
}
