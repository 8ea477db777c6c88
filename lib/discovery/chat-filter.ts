import type { ProviderModel } from "./types";
import { getRules, type CompiledRules } from "./rules-schema";

/**
 * Why a listed model is not a text chat model (and so never tiered), or null when it is one.
 * The provider's own statement wins when it says "not chat"; names catch the rest (speech, images, agents…).
 */
export function setAsideReason(model: ProviderModel, rules: CompiledRules = getRules()): string | null {
  if (model.chat_capable === false) return "not a chat model (provider says so)";
  if (model.raw.type === "fine-tuned") return "fine-tune";
  const id = model.id.toLowerCase();
  for (const s of rules.providers[model.provider].setAside) {
    if (s.regex.test(id)) return s.reason;
  }
  return null;
}

export interface ChatSplit {
  chat: ProviderModel[];
  setAside: { provider: ProviderModel["provider"]; id: string; reason: string }[];
}

/** Splits a listing into chat models and the models set aside, with the reason for each. */
export function splitChatModels(models: readonly ProviderModel[], rules: CompiledRules = getRules()): ChatSplit {
  const out: ChatSplit = { chat: [], setAside: [] };
  for (const m of models) {
    const reason = setAsideReason(m, rules);
    if (reason) out.setAside.push({ provider: m.provider, id: m.id, reason });
    else out.chat.push(m);
  }
  return out;
}
