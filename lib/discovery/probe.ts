import type { Provider } from "@/lib/domain";
import { ANTHROPIC_VERSION } from "./providers/anthropic";
import type { ProviderConfig } from "./providers/config";

export type ProbeMode = "off" | "get" | "call";

/** What one probe of a candidate found; stored per model and shown in the console. */
export interface ProbeResult {
  provider: Provider;
  model_name: string;
  mode: Exclude<ProbeMode, "off">;
  ok: boolean;
  at: string;
  latency_ms: number;
  status: number | null;
  error: string | null;
}

const enc = encodeURIComponent;

function authHeaders(provider: Provider, apiKey: string): Record<string, string> {
  if (provider === "anthropic") return { "x-api-key": apiKey, "anthropic-version": ANTHROPIC_VERSION };
  if (provider === "google") return { "x-goog-api-key": apiKey };
  return { authorization: `Bearer ${apiKey}` };
}

/** The request of a probe: the retrieve-model endpoint (get), or one generation of at most one token (call). */
export function probeRequest(provider: Provider, model: string, mode: "get" | "call", base: string): { url: string; method: string; body?: unknown } {
  if (mode === "get") {
    const path = { openai: "/models/", anthropic: "/v1/models/", google: "/v1beta/models/", mistral: "/v1/models/" }[provider];
    return { url: `${base}${path}${enc(model)}`, method: "GET" };
  }
  const messages = [{ role: "user", content: "ping" }];
  switch (provider) {
    case "openai":
      return { url: `${base}/chat/completions`, method: "POST", body: { model, messages, max_completion_tokens: 1 } };
    case "anthropic":
      return { url: `${base}/v1/messages`, method: "POST", body: { model, messages, max_tokens: 1 } };
    case "google":
      return { url: `${base}/v1beta/models/${enc(model)}:generateContent`, method: "POST", body: { contents: [{ parts: [{ text: "ping" }] }], generationConfig: { maxOutputTokens: 1 } } };
    case "mistral":
      return { url: `${base}/v1/chat/completions`, method: "POST", body: { model, messages, max_tokens: 1 } };
  }
}

/**
 * Asks the provider whether a candidate really serves our key: any 2xx is ok; a status, a timeout or a
 * network error is a failure whose text names the status, never the key or the URL's query.
 */
export async function probeModel(
  provider: Provider,
  model: string,
  mode: "get" | "call",
  config: ProviderConfig,
  opts: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<ProbeResult> {
  const req = probeRequest(provider, model, mode, config.baseUrl);
  const started = Date.now();
  const base = { provider, model_name: model, mode, at: new Date(started).toISOString() };
  try {
    const res = await (opts.fetch ?? fetch)(req.url, {
      method: req.method,
      headers: { accept: "application/json", ...(req.body ? { "content-type": "application/json" } : {}), ...authHeaders(provider, config.apiKey ?? "") },
      body: req.body ? JSON.stringify(req.body) : undefined,
      redirect: "manual", // a redirect would carry the key to another origin
      signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000),
    });
    await res.arrayBuffer().catch(() => undefined);
    const latency_ms = Date.now() - started;
    if (res.ok) return { ...base, ok: true, latency_ms, status: res.status, error: null };
    return { ...base, ok: false, latency_ms, status: res.status, error: `HTTP ${res.status}${res.status === 404 ? " (not found for this key)" : res.status === 403 ? " (access denied)" : ""}` };
  } catch (err) {
    const timedOut = err instanceof Error && err.name === "TimeoutError";
    return { ...base, ok: false, latency_ms: Date.now() - started, status: null, error: timedOut ? "timed out" : "network error" };
  }
}
