import type { Provider } from "@/lib/domain";

/** One canned answer of the fake: status, extra headers, JSON body (or raw text). */
export interface FakeAnswer {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
  raw?: string;
}

export type ErrorKind = "auth" | "rate_limit" | "server" | "unavailable" | "overloaded" | "bad_request";

const GEMINI_STATUS: Record<number, string> = { 400: "INVALID_ARGUMENT", 429: "RESOURCE_EXHAUSTED", 500: "INTERNAL", 503: "UNAVAILABLE" };

function statusOf(provider: Provider, kind: ErrorKind): number {
  switch (kind) {
    case "auth":
      return provider === "google" ? 400 : 401; // Gemini answers a bad key with 400 INVALID_ARGUMENT
    case "rate_limit":
      return 429;
    case "server":
      return 500;
    case "unavailable":
      return 503;
    case "overloaded":
      return provider === "anthropic" ? 529 : 503;
    case "bad_request":
      return 400;
  }
}

/**
 * The error each provider really sends for a kind of failure (shapes from providers-api.md).
 * `sentKey` is echoed in OpenAI's bad-key message on purpose: a mistyped key is often a near-real key, and
 * the clients must prove they never repeat it.
 */
export function providerError(provider: Provider, kind: ErrorKind, opts: { retryAfter?: number; sentKey?: string; message?: string } = {}): FakeAnswer {
  const status = statusOf(provider, kind);
  const retryAfter = opts.retryAfter ?? 1;
  const headers: Record<string, string> = {};
  if (kind === "rate_limit" && provider !== "google" && provider !== "mistral") headers["retry-after"] = String(retryAfter);
  switch (provider) {
    case "openai": {
      if (kind === "rate_limit") Object.assign(headers, { "x-ratelimit-limit-requests": "500", "x-ratelimit-remaining-requests": "0", "x-ratelimit-reset-requests": `${retryAfter}s` });
      const [type, code, message] =
        kind === "auth" ? ["invalid_request_error", "invalid_api_key", `Incorrect API key provided: ${opts.sentKey ?? ""}. You can find your API key at https://platform.openai.com/account/api-keys.`]
        : kind === "rate_limit" ? ["requests", "rate_limit_exceeded", "Rate limit reached for requests. Please try again later."]
        : kind === "bad_request" ? ["invalid_request_error", null, opts.message ?? "Bad request"]
        : ["server_error", null, "The server had an error while processing your request. Sorry about that!"];
      return { status, headers, body: { error: { message, type, param: null, code } } };
    }
    case "anthropic": {
      const type = { auth: "authentication_error", rate_limit: "rate_limit_error", server: "api_error", unavailable: "api_error", overloaded: "overloaded_error", bad_request: "invalid_request_error" }[kind];
      const message = { auth: "invalid x-api-key", rate_limit: "Number of requests has exceeded your rate limit.", server: "Internal server error", unavailable: "Service unavailable", overloaded: "Overloaded", bad_request: opts.message ?? "Invalid request" }[kind];
      return { status, headers, body: { type: "error", error: { type, message }, request_id: `req_fake${Date.now().toString(36)}` } };
    }
    case "google": {
      const details =
        kind === "auth" ? [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "API_KEY_INVALID", domain: "googleapis.com", metadata: { service: "generativelanguage.googleapis.com" } }]
        : kind === "rate_limit"
          ? [
              { "@type": "type.googleapis.com/google.rpc.QuotaFailure", violations: [{ quotaMetric: "generativelanguage.googleapis.com/generate_content_free_tier_requests", quotaId: "GenerateRequestsPerMinutePerProjectPerModel-FreeTier" }] },
              { "@type": "type.googleapis.com/google.rpc.Help", links: [{ description: "Learn more about Gemini API quotas", url: "https://ai.google.dev/gemini-api/docs/rate-limits" }] },
              { "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: `${retryAfter}s` },
            ]
        : undefined;
      const message = { auth: "API key not valid. Please pass a valid API key.", rate_limit: "Resource has been exhausted (e.g. check quota).", server: "An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting", unavailable: "The model is overloaded. Please try again later.", overloaded: "The model is overloaded. Please try again later.", bad_request: opts.message ?? "Request contains an invalid argument." }[kind];
      return { status, headers, body: { error: { code: status, message, status: GEMINI_STATUS[status] ?? "UNKNOWN", ...(details ? { details } : {}) } } };
    }
    case "mistral": {
      if (kind === "auth") return { status, headers, body: { detail: "Invalid API Key" } };
      if (kind === "rate_limit") return { status, headers, body: { object: "error", message: "Requests rate limit exceeded", type: "rate_limited", param: null, code: "1300" } };
      if (kind === "bad_request") return { status, headers, body: { object: "error", message: opts.message ?? "Bad request", type: "invalid_request_error", param: null, code: null } };
      return { status, headers, body: { object: "error", message: "Service unavailable.", type: "internal_server_error", param: null, code: "1000" } };
    }
  }
}
