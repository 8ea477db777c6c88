import type { Provider } from "@/lib/domain";
import type { AnthropicWireModel, GeminiWireModel, MistralWireModel, OpenAIWireModel } from "./providers/wire";
import type { ProviderModel } from "./types";
import { appendTo } from "@/lib/collections";

// Wire shapes → ProviderModel. Pure. Dated snapshots are listed as they come: grouping them is the classifier's job.

type Caps = Partial<Record<string, boolean>>;

/** YYYY-MM-DD from an ISO date/time string, or null. */
export function isoDay(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  if (!m) return null;
  if (value.length > 10) {
    const t = Date.parse(value);
    if (!Number.isNaN(t)) return new Date(t).toISOString().slice(0, 10); // a time zone may move the day
  }
  return Number.isNaN(Date.parse(m[1])) ? null : m[1];
}

/** YYYY-MM-DD (UTC) from unix seconds, or null for missing or non-positive values. */
export function unixDay(seconds: unknown): string | null {
  if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds <= 0) return null;
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

/** Preview / experimental markers in an id or display name. */
export function isPreview(id: string, displayName: string | null = null): boolean {
  return /(?:^|[-_.])(?:preview|exp)(?=$|[-_.\d])/i.test(id) || /preview|experimental/i.test(displayName ?? "");
}

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) && v > 0 ? v : null);
const text = (v: unknown) => (typeof v === "string" && v.trim() ? v : null);

function base(provider: Provider, id: string, raw: Record<string, unknown>): ProviderModel {
  return { provider, id, display_name: null, release_date: null, input_token_limit: null, output_token_limit: null, capabilities: {}, aliases: [], shutdown_date: null, successor: null, is_preview: isPreview(id), chat_capable: null, raw };
}

/** OpenAI: only id, created, owned_by and shutdown_date are stated; chat ability is left to the classifier. */
export function normalizeOpenAI(models: OpenAIWireModel[]): ProviderModel[] {
  return models.map((m) => ({ ...base("openai", m.id, m), release_date: unixDay(m.created), shutdown_date: isoDay(m.shutdown_date) }));
}

// Provider capability names → the domain's names (lib/domain capabilitiesSchema); others keep their own name.
const ANTHROPIC_CAPS: Record<string, string> = { image_input: "vision", thinking: "reasoning", structured_outputs: "json_mode" };

/** Reads `{ supported: bool }` leaves (top level of each capability; nested variants are left in raw). */
export function anthropicCapabilities(capabilities: unknown): Caps {
  const out: Caps = {};
  if (!capabilities || typeof capabilities !== "object") return out;
  for (const [name, leaf] of Object.entries(capabilities as Record<string, unknown>)) {
    const supported = leaf && typeof leaf === "object" ? (leaf as { supported?: unknown }).supported : leaf;
    if (typeof supported !== "boolean") continue;
    out[ANTHROPIC_CAPS[name] ?? name] = supported;
  }
  return out;
}

/** Anthropic: every listed model is a Messages API (chat) model. */
export function normalizeAnthropic(models: AnthropicWireModel[]): ProviderModel[] {
  return models.map((m) => {
    const display = text(m.display_name);
    return {
      ...base("anthropic", m.id, m),
      display_name: display,
      release_date: isoDay(m.created_at),
      input_token_limit: num(m.max_input_tokens),
      output_token_limit: num(m.max_tokens),
      capabilities: m.capabilities ? anthropicCapabilities(m.capabilities) : {},
      is_preview: isPreview(m.id, display),
      chat_capable: true,
    };
  });
}

/** Gemini: chat = generateContent among the methods (live-only models list just bidiGenerateContent). */
export function normalizeGemini(models: GeminiWireModel[]): ProviderModel[] {
  return models.map((m) => {
    const id = m.name.replace(/^models\//, "");
    const display = text(m.displayName);
    const methods = m.supportedGenerationMethods;
    const capabilities: Caps = {};
    if (typeof m.thinking === "boolean") capabilities.reasoning = m.thinking;
    return {
      ...base("google", id, m),
      display_name: display,
      input_token_limit: num(m.inputTokenLimit),
      output_token_limit: num(m.outputTokenLimit),
      capabilities,
      is_preview: isPreview(id, display),
      chat_capable: methods ? methods.includes("generateContent") : null,
    };
  });
}

/** The trailing date-like number of an id (mistral-large-2411 → 2411), for "newest" among same-name entries. */
function versionOf(id: string): number {
  const m = /(\d{4})(?!.*\d)/.exec(id);
  return m ? Number(m[1]) : -1;
}

/** Picks the entry a same-name group is listed under: the `-latest` alias if present, else the newest. */
function representative(group: MistralWireModel[]): MistralWireModel {
  return group.find((m) => m.id.endsWith("-latest")) ?? [...group].sort((a, b) => versionOf(b.id) - versionOf(a.id) || a.id.localeCompare(b.id))[0];
}

function mistralCapabilities(capabilities: MistralWireModel["capabilities"]): Caps {
  const out: Caps = {};
  for (const [name, value] of Object.entries(capabilities ?? {})) if (typeof value === "boolean") out[name] = value;
  return out;
}

/**
 * Mistral lists every alias as its own entry sharing `name`: one ProviderModel per name, with the other ids
 * (and the stated aliases) as aliases. `created` is the request time, so there is no release date.
 */
export function normalizeMistral(models: MistralWireModel[]): ProviderModel[] {
  const groups = new Map<string, MistralWireModel[]>();
  for (const m of models) {
    const key = text(m.name) ?? m.id;
    appendTo(groups, key, m);
  }
  return [...groups.values()].map((group) => {
    const kept = representative(group);
    const others = new Set([...group.map((m) => m.id), ...group.flatMap((m) => m.aliases ?? [])]);
    others.delete(kept.id);
    const capabilities = mistralCapabilities(kept.capabilities);
    const display = text(kept.name);
    return {
      ...base("mistral", kept.id, kept),
      display_name: display,
      input_token_limit: num(kept.max_context_length),
      capabilities,
      aliases: [...others].sort(),
      shutdown_date: isoDay(kept.deprecation),
      successor: text(kept.deprecation_replacement_model),
      is_preview: isPreview(kept.id, display),
      chat_capable: typeof capabilities.completion_chat === "boolean" ? capabilities.completion_chat : null,
    };
  });
}
