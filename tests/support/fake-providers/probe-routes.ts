import type { IncomingHttpHeaders } from "node:http";
import type { Provider } from "@/lib/domain";
import { providerError, type FakeAnswer } from "./errors";
import { PROVIDER_PATHS, presentedKey, type Outcome, type ProviderState } from "./provider-routes";

/** Faults of one model's probe: a listed id that 404s, needs organisation verification (403), is rate limited, or hangs. */
export const PROBE_FAULTS = ["none", "404", "403", "429", "timeout"] as const;
export type ProbeFault = (typeof PROBE_FAULTS)[number];

export interface ProbeRequest {
  provider: Provider;
  model: string;
  kind: "get" | "call";
}

/** Retrieve-model and minimal-generation paths of each provider (providers-api.md), or null. */
export function probeForPath(method: string, path: string): ProbeRequest | null {
  for (const [p, paths] of Object.entries(PROVIDER_PATHS) as [Provider, (typeof PROVIDER_PATHS)[Provider]][]) {
    if (!path.startsWith(`${paths.list}/`) && !path.startsWith(`${paths.base}/`)) continue;
    if (method === "GET" && path.startsWith(`${paths.list}/`)) return { provider: p, model: decodeURIComponent(path.slice(paths.list.length + 1)), kind: "get" };
    if (method !== "POST") continue;
    if (p === "google") {
      const m = /^\/google\/v1beta\/models\/(.+):generateContent$/.exec(path);
      if (m) return { provider: p, model: decodeURIComponent(m[1]), kind: "call" };
    } else if (path === `${paths.base}${p === "anthropic" ? "/v1/messages" : p === "openai" ? "/chat/completions" : "/v1/chat/completions"}`) {
      return { provider: p, model: "", kind: "call" };
    }
  }
  return null;
}

const idOf = (provider: Provider, wire: unknown) => {
  const w = wire as { id?: string; name?: string };
  return provider === "google" ? (w.name ?? "").replace(/^models\//, "") : (w.id ?? "");
};

/** Whether a listed model answers to a name, as the real APIs resolve them: its id, an alias, or the undated name of a dated snapshot. */
function answersTo(provider: Provider, wire: unknown, model: string): boolean {
  const id = idOf(provider, wire);
  if (id === model) return true;
  const aliases = (wire as { aliases?: unknown }).aliases;
  if (Array.isArray(aliases) && aliases.includes(model)) return true;
  return id.startsWith(`${model}-`) && /^[\d-]+$/.test(id.slice(model.length + 1));
}

function notFound(provider: Provider, model: string): FakeAnswer {
  if (provider === "anthropic") return { status: 404, body: { type: "error", error: { type: "not_found_error", message: `model: ${model}` } } };
  if (provider === "google") return { status: 404, body: { error: { code: 404, message: `models/${model} is not found`, status: "NOT_FOUND" } } };
  return { status: 404, body: { error: { message: `The model \`${model}\` does not exist or you do not have access to it.`, type: "invalid_request_error", code: "model_not_found" } } };
}

function generation(provider: Provider, model: string): FakeAnswer {
  if (provider === "anthropic") return { status: 200, body: { id: "msg_fake", type: "message", role: "assistant", model, content: [{ type: "text", text: "p" }], stop_reason: "max_tokens", usage: { input_tokens: 1, output_tokens: 1 } } };
  if (provider === "google") return { status: 200, body: { candidates: [{ content: { parts: [{ text: "p" }], role: "model" }, finishReason: "MAX_TOKENS" }], modelVersion: model } };
  return { status: 200, body: { id: "chatcmpl-fake", object: "chat.completion", model, choices: [{ index: 0, message: { role: "assistant", content: "p" }, finish_reason: "length" }], usage: { prompt_tokens: 1, completion_tokens: 1 } } };
}

/** One probe against a provider's state: auth, the model's fault, then the model (listed ids only) or a one-token answer. */
export function answerProbe(req: ProbeRequest, headers: IncomingHttpHeaders, query: URLSearchParams, body: string, state: ProviderState, faults: Map<string, ProbeFault>): Outcome {
  const credential = presentedKey(req.provider, headers, query);
  if (credential.key !== state.key) return providerError(req.provider, "auth", { sentKey: credential.key ?? "" });
  let model = req.model;
  if (!model) {
    try {
      model = String((JSON.parse(body) as { model?: unknown }).model ?? "");
    } catch {
      return providerError(req.provider, "bad_request", { message: "body is not JSON" });
    }
  }
  switch (faults.get(model) ?? "none") {
    case "404":
      return notFound(req.provider, model);
    case "403":
      return { status: 403, body: { error: { message: "Your organization must be verified to use this model.", type: "invalid_request_error", code: "unsupported_value" } } };
    case "429":
      return providerError(req.provider, "rate_limit", { retryAfter: 1 });
    case "timeout":
      return "hang";
  }
  const listed = state.models.find((w) => answersTo(req.provider, w, model));
  if (!listed) return notFound(req.provider, model);
  return req.kind === "get" ? { status: 200, body: listed } : generation(req.provider, model);
}
