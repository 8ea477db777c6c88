import type { Provider } from "@/lib/domain";
import type { Era } from "./types";
import openai2025 from "./listings/2025/openai.json";
import anthropic2025 from "./listings/2025/anthropic.json";
import google2025 from "./listings/2025/google.json";
import mistral2025 from "./listings/2025/mistral.json";
import openai2027 from "./listings/2027/openai.json";
import anthropic2027 from "./listings/2027/anthropic.json";
import google2027 from "./listings/2027/google.json";
import mistral2027 from "./listings/2027/mistral.json";

// Static imports so the data ships with whatever bundles the fake (tsx, Playwright, Next).
const ERA_LISTINGS: Record<Era, Record<Provider, unknown[]>> = {
  "2025": { openai: openai2025, anthropic: anthropic2025, google: google2025, mistral: mistral2025 },
  "2027": { openai: openai2027, anthropic: anthropic2027, google: google2027, mistral: mistral2027 },
};

/** A fresh deep copy of one era's wire-format listings (callers may mutate it). */
export function eraListings(era: Era): Record<Provider, unknown[]> {
  return structuredClone(ERA_LISTINGS[era]);
}
