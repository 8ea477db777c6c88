import { PROVIDER_NAMES, type Provider } from "@/lib/domain";
import { redact } from "@/lib/log";


export type ProviderErrorCode =
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "bad_request"
  | "rate_limited"
  | "quota_exceeded"
  | "server_error"
  | "unavailable"
  | "overloaded"
  | "timeout"
  | "network"
  | "invalid_response"
  | "aborted";

/** A failed listing: names the provider and HTTP status; its message never holds the API key. */
export class ProviderError extends Error {
  readonly provider: Provider;
  readonly status?: number;
  readonly code: ProviderErrorCode;
  readonly retryable: boolean;
  /** The provider's own error code or type (e.g. "invalid_api_key", "API_KEY_INVALID"), when it sent one. */
  readonly providerCode?: string;
  /** How many HTTP attempts were made before giving up. */
  attempts = 1;

  constructor(init: { provider: Provider; status?: number; code: ProviderErrorCode; message: string; retryable: boolean; providerCode?: string }) {
    super(init.message);
    this.name = "ProviderError";
    this.provider = init.provider;
    this.status = init.status;
    this.code = init.code;
    this.retryable = init.retryable;
    this.providerCode = init.providerCode;
  }
}

/** Cuts the key (and anything key-shaped) out of a text that may echo what we sent, and bounds its length. */
export function scrub(text: string, apiKey: string): string {
  const withoutKey = apiKey ? text.split(apiKey).join("[redacted]") : text;
  const clean = redact(withoutKey).replace(/\s+/g, " ").trim();
  return clean.length > 300 ? `${clean.slice(0, 297)}...` : clean;
}

function asRecord(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}
const str = (v: unknown) => (typeof v === "string" && v ? v : undefined);

/** What an error body says, across the four providers' error shapes. */
export interface ErrorBodyFacts {
  message?: string;
  providerCode?: string;
  /** Gemini's RetryInfo.retryDelay, in ms. */
  retryDelayMs?: number;
  /** Gemini's ErrorInfo.reason (e.g. API_KEY_INVALID). */
  reason?: string;
}

/** Parses Gemini durations such as "26s" or "1.5s" into ms. */
export function parseDurationMs(value: unknown): number | undefined {
  const m = typeof value === "string" ? /^(\d+(?:\.\d+)?)s$/.exec(value.trim()) : null;
  return m ? Math.round(Number(m[1]) * 1000) : undefined;
}

export function readErrorBody(text: string): ErrorBodyFacts {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { message: text.trim() ? text.slice(0, 200) : undefined };
  }
  const root = asRecord(body) ?? {};
  const error = asRecord(root.error);
  const facts: ErrorBodyFacts = {
    // OpenAI/Anthropic/Gemini: error.message; Mistral: detail (401) or message (429)
    message: str(error?.message) ?? str(root.message) ?? str(root.detail) ?? (root.detail !== undefined ? JSON.stringify(root.detail) : undefined),
    providerCode: str(error?.code) ?? str(error?.status) ?? str(error?.type) ?? str(root.type) ?? str(root.code),
  };
  for (const d of Array.isArray(error?.details) ? error.details : []) {
    const detail = asRecord(d);
    if (!detail) continue;
    facts.retryDelayMs ??= parseDurationMs(detail.retryDelay);
    facts.reason ??= str(detail.reason);
  }
  return facts;
}

function codeForStatus(status: number, facts: ErrorBodyFacts): ProviderErrorCode {
  if (status === 400 && (facts.reason === "API_KEY_INVALID" || /api key not valid/i.test(facts.message ?? ""))) return "unauthorized";
  if (status === 429 && facts.providerCode === "insufficient_quota") return "quota_exceeded";
  const byStatus: Record<number, ProviderErrorCode> = { 400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 408: "timeout", 429: "rate_limited", 503: "unavailable", 529: "overloaded" };
  return byStatus[status] ?? (status >= 500 ? "server_error" : "bad_request");
}

const RETRYABLE_CODES: ReadonlySet<ProviderErrorCode> = new Set(["rate_limited", "server_error", "unavailable", "overloaded", "timeout", "network"]);

/** The ProviderError for a non-2xx answer. */
export function httpError(provider: Provider, status: number, text: string, apiKey: string): { error: ProviderError; retryDelayMs?: number } {
  const facts = readErrorBody(text);
  const code = codeForStatus(status, facts);
  const detail = facts.message ? `: ${facts.message}` : "";
  const tag = facts.reason ?? facts.providerCode;
  const message = scrub(`${PROVIDER_NAMES[provider].api} answered HTTP ${status}${tag ? ` (${tag})` : ""}${detail}`, apiKey);
  const error = new ProviderError({ provider, status, code, message, retryable: RETRYABLE_CODES.has(code), providerCode: tag });
  return { error, retryDelayMs: facts.retryDelayMs };
}

/** The ProviderError for a failure without an HTTP answer (timeout, network, abort, bad body). */
export function transportError(provider: Provider, code: ProviderErrorCode, detail: string, apiKey: string, status?: number): ProviderError {
  return new ProviderError({ provider, status, code, message: scrub(`${PROVIDER_NAMES[provider].api}: ${detail}`, apiKey), retryable: RETRYABLE_CODES.has(code) });
}
