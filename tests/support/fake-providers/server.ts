import http from "node:http";
import type { AddressInfo } from "node:net";
import { PROVIDERS, type Provider } from "@/lib/domain";
import { METADATA_SOURCES, type MetadataSource } from "@/lib/metadata/types";
import { answerControl } from "./control";
import { eraListings } from "./listings";
import { answerMetadata, initialMetadataState, METADATA_PATHS, metadataSourceForPath, metadataState, type MetadataState } from "./metadata-routes";
import { answerProbe, probeForPath, type ProbeFault } from "./probe-routes";
import { answerList, presentedKey, PROVIDER_PATHS, providerForPath, type Outcome, type ProviderState } from "./provider-routes";
import type { Era, FakeProviders, FakeProvidersOptions, RequestLog } from "./types";

export type { Era, Fault, FakeProviders, FakeProvidersOptions, RequestLog } from "./types";
export { ERAS, FAULTS, METADATA_FAULTS } from "./types";
export type { MetadataFault } from "./types";

/** Keys the fake accepts by default; deliberately not shaped like real provider keys. */
export const DEFAULT_FAKE_KEYS: Record<Provider, string> = {
  openai: "test-openai-key",
  anthropic: "test-anthropic-key",
  google: "test-gemini-key",
  mistral: "test-mistral-key",
};

const MAX_LOG = 1000;
const MAX_BODY = 1024 * 1024;

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new Error("body too large"));
      else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, raw?: string): void {
  if (res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(raw ?? JSON.stringify(body));
}

/**
 * Starts a real HTTP server that speaks the four list-models wire formats (providers-api.md), with
 * injectable faults, switchable listings and a request log. Close it with `close()`.
 */
export async function startFakeProviders(options: FakeProvidersOptions = {}): Promise<FakeProviders> {
  const { port = 0, host = "127.0.0.1", latencyMs = 0 } = options;
  const keys: Record<Provider, string> = { ...DEFAULT_FAKE_KEYS, ...options.keys };
  const startEra: Era = options.era ?? "2025";
  let log: RequestLog[] = [];
  const states = {} as Record<Provider, ProviderState>;
  const metadata = {} as Record<MetadataSource, MetadataState>;
  const probeFaults = {} as Record<Provider, Map<string, ProbeFault>>;

  const loadListings = (era: Era, overrides: Partial<Record<Provider, unknown[]>> = {}) => {
    const data = eraListings(era); // already a fresh copy
    for (const p of PROVIDERS) states[p].models = overrides[p] ? structuredClone(overrides[p]) : data[p];
  };
  const resetAll = () => {
    for (const p of PROVIDERS) states[p] = { key: keys[p], models: [], fault: "none", retryAfter: 1, hits: 0, latencyMs };
    for (const p of PROVIDERS) probeFaults[p] = new Map();
    loadListings(startEra, options.listings);
    for (const m of METADATA_SOURCES) metadata[m] = initialMetadataState(m);
    log = [];
  };
  resetAll();

  const record = (entry: RequestLog) => {
    log.push(entry);
    if (log.length > MAX_LOG) log.shift();
  };

  const handleProvider = async (provider: Provider, req: http.IncomingMessage, res: http.ServerResponse, url: URL) => {
    const credential = presentedKey(provider, req.headers, url.searchParams);
    const outcome: Outcome = req.method === "GET" ? answerList(provider, req.headers, url.searchParams, credential, states[provider]) : { status: 405, body: { error: { message: "Method not allowed" } } };
    const query = Object.fromEntries([...url.searchParams].map(([k, v]) => [k, k === "key" ? "[redacted]" : v]));
    const status = outcome === "hang" ? 0 : outcome.status;
    record({ provider, method: req.method ?? "GET", path: url.pathname, query, auth: credential.via, status, at: new Date().toISOString() });
    if (outcome === "hang") return; // the client gives up; close() destroys the socket
    const delay = states[provider].latencyMs;
    if (delay > 0) await new Promise((r) => setTimeout(r, delay).unref()); // the listening socket keeps the process alive
    send(res, outcome.status, outcome.body, outcome.headers, outcome.raw);
  };

  const handleMetadata = (source: MetadataSource, req: http.IncomingMessage, res: http.ServerResponse, path: string) => {
    const conditional = Boolean(req.headers["if-none-match"] || req.headers["if-modified-since"]);
    let status = 405;
    if (req.method === "GET") status = answerMetadata(req, res, metadata[source]);
    else send(res, 405, { error: "Method not allowed" });
    record({ provider: null, metadata: source, conditional, method: req.method ?? "GET", path, query: {}, auth: null, status, at: new Date().toISOString() });
  };

  const handleProbe = async (probe: NonNullable<ReturnType<typeof probeForPath>>, req: http.IncomingMessage, res: http.ServerResponse, url: URL) => {
    const body = req.method === "POST" ? await readBody(req) : "";
    const outcome = answerProbe(probe, req.headers, url.searchParams, body, states[probe.provider], probeFaults[probe.provider]);
    const credential = presentedKey(probe.provider, req.headers, url.searchParams);
    record({ provider: probe.provider, method: req.method ?? "GET", path: url.pathname, query: {}, auth: credential.via, status: outcome === "hang" ? 0 : outcome.status, at: new Date().toISOString() });
    if (outcome !== "hang") send(res, outcome.status, outcome.body, outcome.headers, outcome.raw);
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://fake.local");
    const probe = probeForPath(req.method ?? "GET", url.pathname);
    if (probe) return handleProbe(probe, req, res, url);
    const provider = providerForPath(url.pathname);
    if (provider) return handleProvider(provider, req, res, url);
    const source = metadataSourceForPath(url.pathname);
    if (source) return handleMetadata(source, req, res, url.pathname);
    // A 200 at the root and /_fake/health, so process managers (Playwright webServer) can wait for readiness.
    if (req.method === "GET" && (url.pathname === "/" || url.pathname === "/_fake/health")) {
      return send(res, 200, { ok: true, baseUrls: fake.baseUrls, control: ["POST /_fake/fault", "POST /_fake/listing", "POST /_fake/era", "POST /_fake/latency", "POST /_fake/metadata-fault", "POST /_fake/metadata-document", "POST /_fake/reset", "GET /_fake/requests"], metadataUrls: fake.metadataUrls });
    }
    if (url.pathname.startsWith("/_fake/")) {
      const text = req.method === "POST" ? await readBody(req) : "";
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : {};
      } catch {
        return send(res, 400, { ok: false, error: "body is not JSON" });
      }
      const answer = answerControl(fake, req.method ?? "GET", url.pathname.slice("/_fake/".length), body);
      return send(res, answer.status, answer.body);
    }
    record({ provider: null, method: req.method ?? "GET", path: url.pathname, query: {}, auth: null, status: 404, at: new Date().toISOString() });
    send(res, 404, { error: { message: `Unknown path ${url.pathname}` } });
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, { error: { message: "fake server error" } }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;

  const fake: FakeProviders = {
    url,
    baseUrls: Object.fromEntries(PROVIDERS.map((p) => [p, url + PROVIDER_PATHS[p].base])) as Record<Provider, string>,
    keys,
    setFault(provider, fault, opts = {}) {
      Object.assign(states[provider], { fault, retryAfter: opts.retryAfter ?? 1, hits: 0 });
    },
    setListing(provider, wireModels) {
      states[provider].models = structuredClone(wireModels);
    },
    setLatency(ms, provider) {
      for (const p of provider ? [provider] : PROVIDERS) states[p].latencyMs = Math.max(0, ms);
    },
    useEra(era) {
      loadListings(era);
    },
    setProbeFault(provider, model, fault) {
      if (fault === "none") probeFaults[provider].delete(model);
      else probeFaults[provider].set(model, fault);
    },
    metadataUrls: Object.fromEntries(METADATA_SOURCES.map((m) => [m, url + METADATA_PATHS[m]])) as Record<MetadataSource, string>,
    setMetadataFault(source, fault) {
      metadata[source].fault = fault;
    },
    setMetadataDocument(source, document) {
      metadata[source] = { ...metadataState(document), fault: metadata[source].fault };
    },
    reset: resetAll,
    requests: () => log.map((e) => ({ ...e, query: { ...e.query } })),
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // hung "timeout" requests and keep-alive sockets
      });
    },
  };
  return fake;
}
