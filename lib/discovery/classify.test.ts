import { describe, expect, it } from "vitest";
import type { Provider } from "@/lib/domain";
import { classifyName, compareVersions, snapshotKey } from "./classify";
import { setAsideReason } from "./chat-filter";
import { listed } from "@/tests/support/discovery-fixtures";

describe("classifyName", () => {
  // The original design's table, before version ranking demotes anything.
  it.each<[Provider, string, string, string]>([
    ["openai", "gpt-5", "flagship", "gpt-5"],
    ["openai", "gpt-5-2025-08-07", "flagship", "gpt-5"],
    ["openai", "gpt-5-mini", "fast", "gpt-5"],
    ["openai", "gpt-5-nano", "fast", "gpt-5"],
    ["openai", "gpt-4o", "legacy", "gpt-4o"],
    ["openai", "o3", "legacy", "o"],
    ["anthropic", "claude-opus-4-1", "flagship", "claude-opus"],
    ["anthropic", "claude-sonnet-4-5-20250929", "flagship", "claude-sonnet"],
    ["anthropic", "claude-haiku-4-5-20251001", "fast", "claude-haiku"],
    ["anthropic", "claude-3-5-haiku-20241022", "fast", "claude-haiku"],
    ["google", "gemini-2.5-pro", "flagship", "gemini-pro"],
    ["google", "gemini-2.5-flash", "fast", "gemini-flash"],
    ["google", "gemini-2.5-flash-lite", "fast", "gemini-flash-lite"],
    ["google", "gemini-2.0-flash-001", "fast", "gemini-flash"],
    ["google", "gemini-3-pro-preview", "flagship", "gemini-pro"],
    ["mistral", "mistral-large-latest", "flagship", "mistral-large"],
    ["mistral", "mistral-medium-2505", "fast", "mistral-medium"],
    ["mistral", "mistral-small-latest", "fast", "mistral-small"],
    ["mistral", "magistral-medium-latest", "legacy", "magistral-medium"],
  ])("%s %s is %s of family %s", (provider, id, tier, family) => {
    const c = classifyName(provider, id);
    expect(c).toMatchObject({ tier, family, recognised: true });
  });

  it.each<[Provider, string, string]>([
    ["openai", "gpt-7", "flagship"],
    ["openai", "gpt-6.5-mini", "fast"],
    ["anthropic", "claude-opus-5", "flagship"],
    ["anthropic", "claude-haiku-6-20280101", "fast"],
    ["google", "gemini-4.0-flash-lite", "fast"],
    ["google", "gemini-3.5-pro", "flagship"],
  ])("a newer generation %s %s classifies as %s without a rule change", (provider, id, tier) => {
    expect(classifyName(provider, id)).toMatchObject({ tier, recognised: true });
  });

  it("parses versions so that newer generations compare higher", () => {
    expect(compareVersions(classifyName("anthropic", "claude-sonnet-4-5").version, classifyName("anthropic", "claude-sonnet-4").version)).toBeGreaterThan(0);
    expect(compareVersions(classifyName("openai", "gpt-5.1").version, classifyName("openai", "gpt-5").version)).toBeGreaterThan(0);
    expect(compareVersions(classifyName("google", "gemini-2.5-pro").version, classifyName("google", "gemini-10-pro").version)).toBeLessThan(0);
  });

  it.each<[Provider, string, string]>([
    ["openai", "o9-turbo-max", "flagship"],
    ["openai", "gizmo-mini", "fast"],
    ["mistral", "le-chat-supreme", "flagship"],
  ])("an unknown name %s %s is unrecognised with a best-guess tier %s", (provider, id, tier) => {
    expect(classifyName(provider, id)).toMatchObject({ tier, recognised: false, family: null });
  });

  it("marks previews by name", () => {
    expect(classifyName("google", "gemini-3-pro-preview").is_preview).toBe(true);
    expect(classifyName("google", "gemini-2.5-pro").is_preview).toBe(false);
  });
});

describe("snapshotKey", () => {
  it.each<[Provider, string, string, string | null]>([
    ["openai", "gpt-5-2025-08-07", "gpt-5", "2025-08-07"],
    ["openai", "gpt-5", "gpt-5", null],
    ["anthropic", "claude-sonnet-4-5-20250929", "claude-sonnet-4-5", "20250929"],
    ["google", "gemini-2.0-flash-001", "gemini-2.0-flash", "001"],
    ["mistral", "mistral-large-2411", "mistral-large", "2411"],
    ["mistral", "mistral-large-latest", "mistral-large", null],
  ])("%s %s folds to %s (stamp %s)", (provider, id, key, stamp) => {
    expect(snapshotKey(provider, id)).toEqual({ key, stamp });
  });
});

describe("setAsideReason", () => {
  it.each<[Provider, string]>([
    ["openai", "text-embedding-3-large"],
    ["openai", "whisper-1"],
    ["openai", "tts-1-hd"],
    ["openai", "gpt-4o-transcribe"],
    ["openai", "gpt-4o-mini-tts"],
    ["openai", "gpt-audio"],
    ["openai", "gpt-realtime-mini"],
    ["openai", "gpt-image-1"],
    ["openai", "dall-e-3"],
    ["openai", "sora-2"],
    ["openai", "omni-moderation-latest"],
    ["openai", "davinci-002"],
    ["openai", "gpt-3.5-turbo-instruct"],
    ["openai", "gpt-4o-search-preview"],
    ["openai", "gpt-5-pro"],
    ["openai", "o3-pro-2025-06-10"],
    ["openai", "gpt-5-codex"],
    ["openai", "ft:gpt-4o-mini:acme::abc123"],
    ["openai", "computer-use-preview"],
    ["openai", "o3-deep-research"],
    ["google", "gemini-embedding-001"],
    ["google", "gemini-2.5-flash-preview-tts"],
    ["google", "gemini-2.5-flash-image"],
    ["google", "gemini-2.5-flash-native-audio-preview-09-2025"],
    ["google", "gemini-live-2.5-flash-preview"],
    ["google", "imagen-4.0-generate-001"],
    ["google", "veo-3.0-generate-001"],
    ["google", "gemma-3-27b-it"],
    ["google", "aqa"],
    ["google", "gemini-robotics-er-1.5-preview"],
    ["google", "gemini-2.5-computer-use-preview-10-2025"],
    ["google", "gemini-flash-latest"],
    ["mistral", "mistral-embed"],
    ["mistral", "mistral-ocr-latest"],
    ["mistral", "mistral-moderation-latest"],
    ["mistral", "voxtral-mini-transcribe-2507"],
  ])("%s %s is set aside, never tiered", (provider, id) => {
    expect(setAsideReason(listed(provider, id))).not.toBeNull();
  });

  it("uses the provider's own word: chat_capable false is set aside, true is kept", () => {
    expect(setAsideReason(listed("google", "gemini-2.5-pro", { chat_capable: false }))).toMatch(/not a chat model/);
    expect(setAsideReason(listed("google", "gemini-2.5-pro", { chat_capable: true }))).toBeNull();
    expect(setAsideReason(listed("mistral", "mistral-large-2411", { raw: { type: "fine-tuned" } }))).toBe("fine-tune");
  });

  it.each<[Provider, string]>([
    ["openai", "gpt-5"],
    ["openai", "gpt-5-mini-2025-08-07"],
    ["openai", "gpt-4.1-nano"],
    ["anthropic", "claude-opus-4-1-20250805"],
    ["google", "gemini-2.5-flash-lite"],
    ["mistral", "mistral-medium-latest"],
  ])("%s %s is a chat model", (provider, id) => {
    expect(setAsideReason(listed(provider, id))).toBeNull();
  });
});
