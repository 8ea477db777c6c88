import type { IncomingHttpHeaders } from "node:http";
import type { Provider } from "@/lib/domain";
import { providerError, type FakeAnswer } from "./errors";
import { anthropicPage, geminiPage } from "./pagination";
import type { Fault } from "./types";

/** Where each provider's list endpoint sits under the fake's root. */
export const PROVIDER_PATHS: Record<Provider, { base: string; list: string }> = {
  openai: { base: "/openai/v1", list: "/openai/v1/models" },
  anthropic: { base: "/anthropic", list: "/anthropic/v1/models" },
  google: { base: "/google", list: "/google/v1beta/models" },
  mistral: { base: "/mistral", list: "/mistral/v1/models" },
};

export function providerForPath(path: string): Provider | null {
  for (const [provider, paths] of Object.entries(PROVIDER_PATHS)) if (path === paths.list) return provider as Provider;
  return null;
}

export interface ProviderState {
  key: string;
  models: unknown[];
  fault: Fault;
  retryAfter: number;
  /** Requests seen since the fault was set: the "-once" faults fire on the first only. */
  hits: number;
  /** Delay before each answer (each page). */
  latencyMs: number;
}

/** What the fake does with one request: answer, or "hang" (never answer, for the timeout fault). */
export type Outcome = FakeAnswer | "hang";

/** The credential a request presented, and how (never logged as a value). */
export interface Credential {
  via: string | null;
  key: string | null;
}

export function presentedKey(provider: Provider, headers: IncomingHttpHeaders, query: URLSearchParams): Credential {
  const header = (name: string) => (typeof headers[name] === "string" ? (headers[name] as string) : null);
  if (provider === "openai" || provider === "mistral") {
    const auth = header("authorization");
    return { via: auth ? "authorization" : null, key: auth?.match(/^Bearer\s+(.+)$/i)?.[1] ?? null };
  }
  if (provider === "anthropic") return { via: header("x-api-key") ? "x-api-key" : null, key: header("x-api-key") };
  if (header("x-goog-api-key")) return { via: "x-goog-api-key", key: header("x-goog-api-key") };
  return { via: query.get("key") ? "query-key" : null, key: query.get("key") };
}

function authFailure(provider: Provider, headers: IncomingHttpHeaders, key: string | null, state: ProviderState): FakeAnswer | null {
  if (provider === "google" && key === null) {
    return { status: 403, body: { error: { code: 403, message: "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.", status: "PERMISSION_DENIED" } } };
  }
  if (key !== state.key) return providerError(provider, "auth", { sentKey: key ?? "" });
  if (provider === "anthropic" && !headers["anthropic-version"]) {
    return providerError("anthropic", "bad_request", { message: "anthropic-version: header is required" });
  }
  return null;
}

const EMPTY_BODY: Record<Provider, unknown> = {
  openai: { object: "list", data: [] },
  anthropic: { data: [], has_more: false, first_id: null, last_id: null },
  google: {},
  mistral: { object: "list", data: [] },
};

function listing(provider: Provider, models: unknown[], query: URLSearchParams): FakeAnswer {
  if (provider === "anthropic") return anthropicPage(models, query);
  if (provider === "google") return geminiPage(models, query);
  return { status: 200, body: { object: "list", data: models } };
}

/** One list-models request against one provider's state: auth, then the injected fault, then the page. */
export function answerList(provider: Provider, headers: IncomingHttpHeaders, query: URLSearchParams, credential: Credential, state: ProviderState): Outcome {
  const first = state.hits === 0;
  state.hits += 1;
  if (state.fault === "401") return providerError(provider, "auth", { sentKey: credential.key ?? "" });
  const denied = authFailure(provider, headers, credential.key, state);
  if (denied) return denied;
  const laterPage = query.has(provider === "anthropic" ? "after_id" : "pageToken");
  switch (state.fault) {
    case "429":
      return providerError(provider, "rate_limit", { retryAfter: state.retryAfter });
    case "429-once":
      if (first) return providerError(provider, "rate_limit", { retryAfter: state.retryAfter });
      break;
    case "500":
      return providerError(provider, "server");
    case "500-once":
      if (first) return providerError(provider, "server");
      break;
    case "503":
      return providerError(provider, "unavailable");
    case "529":
      return providerError(provider, "overloaded");
    case "timeout":
      return "hang";
    case "malformed":
      return { status: 200, body: null, raw: '{"object":"list","data":[{"id":"gpt-5","object":"mod' };
    case "empty":
      return { status: 200, body: EMPTY_BODY[provider] };
    case "page2":
      if (laterPage || provider === "openai" || provider === "mistral") return providerError(provider, "server");
      break;
  }
  return listing(provider, state.models, query);
}
