import { describe, expect, it } from "vitest";
import { providerConfigsFromEnv, retryOptionsFromEnv } from "./config";

describe("providerConfigsFromEnv", () => {
  it("uses the providers' public endpoints and no keys when nothing is set", () => {
    expect(providerConfigsFromEnv({})).toEqual({
      openai: { baseUrl: "https://api.openai.com/v1" },
      anthropic: { baseUrl: "https://api.anthropic.com" },
      google: { baseUrl: "https://generativelanguage.googleapis.com" },
      mistral: { baseUrl: "https://api.mistral.ai" },
    });
  });

  it("reads every key and base URL, trimming a trailing slash", () => {
    const c = providerConfigsFromEnv({
      OPENAI_API_KEY: "o-key",
      OPENAI_BASE_URL: "http://127.0.0.1:4010/openai/v1/",
      ANTHROPIC_API_KEY: "a-key",
      ANTHROPIC_BASE_URL: "http://127.0.0.1:4010/anthropic",
      GEMINI_API_KEY: "g-key",
      GEMINI_BASE_URL: "http://127.0.0.1:4010/google",
      MISTRAL_API_KEY: "m-key",
      MISTRAL_BASE_URL: "http://127.0.0.1:4010/mistral",
    });
    expect(c.openai).toEqual({ apiKey: "o-key", baseUrl: "http://127.0.0.1:4010/openai/v1" });
    expect(c.anthropic.apiKey).toBe("a-key");
    expect(c.google).toEqual({ apiKey: "g-key", baseUrl: "http://127.0.0.1:4010/google" });
    expect(c.mistral.baseUrl).toBe("http://127.0.0.1:4010/mistral");
  });

  it("prefers GEMINI_API_KEY and falls back to GOOGLE_API_KEY", () => {
    expect(providerConfigsFromEnv({ GEMINI_API_KEY: "gem", GOOGLE_API_KEY: "goo" }).google.apiKey).toBe("gem");
    expect(providerConfigsFromEnv({ GOOGLE_API_KEY: "goo" }).google.apiKey).toBe("goo");
    expect(providerConfigsFromEnv({ GEMINI_API_KEY: "  ", GOOGLE_API_KEY: "goo" }).google.apiKey).toBe("goo");
  });

  it("treats a blank key as no key, so the provider is skipped", () => {
    expect(providerConfigsFromEnv({ OPENAI_API_KEY: " " }).openai.apiKey).toBeUndefined();
  });
});

describe("retryOptionsFromEnv", () => {
  it("defaults to 20 s timeouts, 3 retries and a 30 s cap on waits", () => {
    expect(retryOptionsFromEnv({})).toEqual({ timeoutMs: 20_000, maxRetries: 3, maxDelayMs: 30_000 });
  });

  it("reads the three knobs", () => {
    expect(retryOptionsFromEnv({ DISCOVERY_TIMEOUT_MS: "5000", DISCOVERY_MAX_RETRIES: "0", DISCOVERY_RETRY_MAX_DELAY_MS: "1000" })).toEqual({ timeoutMs: 5000, maxRetries: 0, maxDelayMs: 1000 });
  });

  it.each([
    ["DISCOVERY_TIMEOUT_MS", "fast"],
    ["DISCOVERY_MAX_RETRIES", "-1"],
    ["DISCOVERY_MAX_RETRIES", "2.5"],
    ["DISCOVERY_RETRY_MAX_DELAY_MS", "99999999"],
  ])("rejects %s=%s naming the variable", (name, value) => {
    expect(() => retryOptionsFromEnv({ [name]: value })).toThrow(name);
  });
});
