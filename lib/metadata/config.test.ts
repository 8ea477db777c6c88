import { describe, expect, it } from "vitest";
import { metadataConfigFromEnv } from "./config";

describe("metadataConfigFromEnv", () => {
  it("reads models.dev by default, LiteLLM off, 20 s and 50 MB", () => {
    expect(metadataConfigFromEnv({})).toEqual({
      urls: { "models.dev": "https://models.dev/api.json", litellm: null },
      timeoutMs: 20000,
      maxBytes: 52428800,
    });
  });

  it("takes URLs, off, and integers from the environment", () => {
    const config = metadataConfigFromEnv({
      MODELS_DEV_URL: "off",
      LITELLM_MODEL_MAP_URL: " http://127.0.0.1:4010/litellm/model_prices_and_context_window.json ",
      METADATA_TIMEOUT_MS: "500",
      METADATA_MAX_BYTES: "100000",
    });
    expect(config).toEqual({
      urls: { "models.dev": null, litellm: "http://127.0.0.1:4010/litellm/model_prices_and_context_window.json" },
      timeoutMs: 500,
      maxBytes: 100000,
    });
  });

  it("treats an empty value as unset", () => {
    expect(metadataConfigFromEnv({ MODELS_DEV_URL: "", METADATA_TIMEOUT_MS: " " }).timeoutMs).toBe(20000);
  });

  it.each([
    ["MODELS_DEV_URL", "models.dev/api.json"],
    ["MODELS_DEV_URL", "ftp://models.dev/api.json"],
    ["LITELLM_MODEL_MAP_URL", "on"],
    ["METADATA_TIMEOUT_MS", "fast"],
    ["METADATA_TIMEOUT_MS", "1.5"],
    ["METADATA_TIMEOUT_MS", "10"],
    ["METADATA_MAX_BYTES", "-1"],
    ["METADATA_MAX_BYTES", "99999999999"],
  ])("rejects %s=%s with a message naming the variable", (name, value) => {
    expect(() => metadataConfigFromEnv({ [name]: value })).toThrow(new RegExp(`^${name} .*got "${value}"`));
  });
});
