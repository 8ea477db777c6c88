import { describe, expect, it } from "vitest";
import { httpError, parseDurationMs, readErrorBody, scrub } from "./errors";
import { joinUrl, parseRetryAfter, retryDelay } from "./http";

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-11-27T10:00:00Z");
  it.each([
    [{ "retry-after": "1" }, 1000],
    [{ "retry-after": "0" }, 0],
    [{ "retry-after": "2.5" }, 2500],
    [{ "retry-after": "Fri, 27 Nov 2026 10:00:30 GMT" }, 30_000],
    [{ "retry-after": "Fri, 27 Nov 2026 09:59:00 GMT" }, 0],
    [{ "retry-after": "soon" }, undefined],
    [{ "retry-after-ms": "250", "retry-after": "9" }, 250],
    [{}, undefined],
  ])("reads %j as %j ms", (headers, want) => {
    expect(parseRetryAfter(new Headers(headers), now)).toBe(want);
  });
});

describe("retryDelay", () => {
  it("doubles from the base with jitter between half and the whole step", () => {
    const opts = { baseDelayMs: 100, maxDelayMs: 10_000 };
    expect([0, 1, 2].map((a) => retryDelay(a, opts, () => 0))).toEqual([50, 100, 200]);
    expect([0, 1, 2].map((a) => retryDelay(a, opts, () => 1))).toEqual([100, 200, 400]);
  });

  it("never exceeds maxDelayMs, whether from backoff or from the provider's hint", () => {
    expect(retryDelay(20, { baseDelayMs: 500, maxDelayMs: 2000 }, () => 1)).toBe(2000);
    expect(retryDelay(0, { baseDelayMs: 500, maxDelayMs: 2000, hintMs: 26_000 })).toBe(2000);
  });

  it("follows the provider's hint when it is within the cap, even when it is 0", () => {
    expect(retryDelay(3, { baseDelayMs: 500, maxDelayMs: 30_000, hintMs: 7000 })).toBe(7000);
    expect(retryDelay(3, { baseDelayMs: 500, maxDelayMs: 30_000, hintMs: 0 })).toBe(0);
  });
});

describe("error bodies", () => {
  it.each([
    ["OpenAI", '{"error":{"message":"Rate limit reached","type":"requests","param":null,"code":"rate_limit_exceeded"}}', { message: "Rate limit reached", providerCode: "rate_limit_exceeded" }],
    ["Anthropic", '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_1"}', { message: "Overloaded", providerCode: "overloaded_error" }],
    ["Gemini", '{"error":{"code":429,"message":"Resource has been exhausted","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"26s"}]}}', { message: "Resource has been exhausted", providerCode: "RESOURCE_EXHAUSTED", retryDelayMs: 26_000 }],
    ["Mistral 401", '{"detail":"Invalid API Key"}', { message: "Invalid API Key" }],
    ["Mistral 429", '{"object":"error","message":"Requests rate limit exceeded","type":"rate_limited","param":null,"code":"1300"}', { message: "Requests rate limit exceeded", providerCode: "rate_limited" }],
    ["HTML", "<html>Bad gateway</html>", { message: "<html>Bad gateway</html>" }],
  ])("reads the %s error shape", (_name, body, want) => {
    expect(readErrorBody(body)).toMatchObject(want);
  });

  it.each([
    ["26s", 26_000],
    ["1.5s", 1500],
    ["0s", 0],
    ["26", undefined],
    [26, undefined],
  ])("reads the Gemini duration %j as %j ms", (value, want) => {
    expect(parseDurationMs(value)).toBe(want);
  });

  it("classifies Gemini's 400 API_KEY_INVALID as unauthorized and not retryable", () => {
    const body = '{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID"}]}}';
    const { error } = httpError("google", 400, body, "k");
    expect(error).toMatchObject({ status: 400, code: "unauthorized", retryable: false, providerCode: "API_KEY_INVALID" });
    expect(error.message).toMatch(/^Google Gemini answered HTTP 400/);
  });

  it("treats OpenAI's insufficient_quota 429 as a quota problem that retrying will not fix", () => {
    const { error } = httpError("openai", 429, '{"error":{"message":"You exceeded your current quota","type":"insufficient_quota","code":"insufficient_quota"}}', "k");
    expect(error).toMatchObject({ code: "quota_exceeded", retryable: false });
  });

  it.each([
    [400, "bad_request", false],
    [403, "forbidden", false],
    [404, "not_found", false],
    [408, "timeout", true],
    [429, "rate_limited", true],
    [500, "server_error", true],
    [502, "server_error", true],
    [503, "unavailable", true],
    [529, "overloaded", true],
  ])("maps HTTP %i to %s (retryable: %s)", (status, code, retryable) => {
    expect(httpError("mistral", status, "{}", "k").error).toMatchObject({ code, retryable });
  });
});

describe("scrub", () => {
  it("removes the key wherever the provider echoed it, and key-shaped strings", () => {
    const out = scrub("Incorrect API key provided: my-secret-key-42. Also sk-proj-abcdefghijklmnop and AIzaSyA1234567890abcdefghijk", "my-secret-key-42");
    expect(out).not.toContain("my-secret-key-42");
    expect(out).not.toMatch(/sk-proj-abcdefgh|AIzaSy/);
  });

  it("bounds the length of what a provider sent", () => {
    expect(scrub("x".repeat(5000), "k").length).toBeLessThanOrEqual(300);
  });
});

describe("joinUrl", () => {
  it.each([
    ["https://api.openai.com/v1", "/models", {}, "https://api.openai.com/v1/models"],
    ["https://api.openai.com/v1/", "/models", {}, "https://api.openai.com/v1/models"],
    ["http://127.0.0.1:4010/anthropic", "/v1/models", { limit: "3", after_id: undefined }, "http://127.0.0.1:4010/anthropic/v1/models?limit=3"],
    ["http://h/google", "/v1beta/models", { pageToken: "a b&c" }, "http://h/google/v1beta/models?pageToken=a+b%26c"],
  ])("joins %s and %s", (base, path, query, want) => {
    expect(joinUrl(base, path, query)).toBe(want);
  });
});
