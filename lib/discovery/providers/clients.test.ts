import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PROVIDERS, type Provider } from "@/lib/domain";
import { startFakeProviders, type FakeProviders } from "@/tests/support/fake-providers/server";
import { PROVIDER_CLIENTS, type ListOptions } from "../list";
import { ProviderError } from "./index";

let fake: FakeProviders;
beforeAll(async () => {
  fake = await startFakeProviders();
});
afterAll(async () => fake?.close());
beforeEach(() => fake.reset());

const AUTH_HEADER: Record<Provider, string> = { openai: "authorization", anthropic: "x-api-key", google: "x-goog-api-key", mistral: "authorization" };
const BAD_KEY_STATUS: Record<Provider, number> = { openai: 401, anthropic: 401, google: 400, mistral: 401 };
// A mistyped key often is a near-real one: it must never come back in an error message.
const WRONG_KEY = "mistyped-key-7f3a9c2e5b1d";

/** Fast retries: a test that waited on real backoff would only prove the clock. */
function opts(provider: Provider, extra: Partial<ListOptions> = {}): ListOptions {
  return { apiKey: fake.keys[provider], baseUrl: fake.baseUrls[provider], baseDelayMs: 1, maxDelayMs: 5, timeoutMs: 5_000, maxRetries: 2, ...extra };
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(ProviderError);
    return err as ProviderError;
  }
  throw new Error("expected the listing to fail");
}

const listRequests = (provider: Provider) => fake.requests().filter((r) => r.provider === provider);

describe.each(PROVIDERS)("%s client against the fake provider", (provider) => {
  const list = PROVIDER_CLIENTS[provider];

  it("lists the models, sending the key in the provider's auth header and never in the URL", async () => {
    const seen: number[] = [];
    const listing = await list(opts(provider, { onPage: (p) => seen.push(p.models_seen) }));
    expect(listing.provider).toBe(provider);
    expect(seen).toHaveLength(listing.pages);
    expect(seen.at(-1)).toBe(listing.models.length);
    expect(listing.models.length).toBeGreaterThan(5);
    expect(listing.models.every((m) => m.provider === provider && m.id && !m.id.startsWith("models/"))).toBe(true);
    const requests = listRequests(provider);
    expect(requests.length).toBe(listing.pages);
    for (const r of requests) {
      expect(r.auth).toBe(AUTH_HEADER[provider]);
      expect(r.query.key).toBeUndefined();
      expect(r.status).toBe(200);
    }
  });

  it("fails a wrong key at once with a ProviderError naming the provider and status, without the key", async () => {
    const err = await failure(list(opts(provider, { apiKey: WRONG_KEY })));
    expect(err).toMatchObject({ provider, status: BAD_KEY_STATUS[provider], code: "unauthorized", retryable: false });
    expect(err.message).toContain(String(BAD_KEY_STATUS[provider]));
    expect(err.message).not.toContain(WRONG_KEY);
    expect(String(err)).not.toContain(WRONG_KEY);
    expect(listRequests(provider)).toHaveLength(1);
  });

  it("fails a revoked key (401 fault) without retrying", async () => {
    fake.setFault(provider, "401");
    const err = await failure(list(opts(provider)));
    expect(err.retryable).toBe(false);
    expect(err.message).not.toContain(fake.keys[provider]);
    expect(listRequests(provider)).toHaveLength(1);
  });

  it("retries a 429 and succeeds, honouring a retry-after of 0 over a long backoff", async () => {
    fake.setFault(provider, "429-once", { retryAfter: 0 });
    // Mistral sends no retry-after: its wait comes from the (short) backoff instead.
    const backoff = provider === "mistral" ? {} : { baseDelayMs: 600_000, maxDelayMs: 600_000 };
    const listing = await list(opts(provider, backoff));
    expect(listing.models.length).toBeGreaterThan(0);
    expect(listRequests(provider).map((r) => r.status)).toEqual([429, ...Array(listing.pages).fill(200)]);
  });

  it("caps a long retry-after at maxDelayMs", async () => {
    fake.setFault(provider, "429-once", { retryAfter: 3600 });
    const listing = await list(opts(provider, { maxDelayMs: 5 }));
    expect(listing.models.length).toBeGreaterThan(0);
  });

  it("retries a 500 once and succeeds", async () => {
    fake.setFault(provider, "500-once");
    const listing = await list(opts(provider));
    expect(listing.models.length).toBeGreaterThan(0);
    expect(listRequests(provider)[0].status).toBe(500);
  });

  it("gives up on a lasting 500 after maxRetries retries with a retryable server_error", async () => {
    fake.setFault(provider, "500");
    const err = await failure(list(opts(provider, { maxRetries: 2 })));
    expect(err).toMatchObject({ provider, status: 500, code: "server_error", retryable: true, attempts: 3 });
    expect(err.message).toMatch(/500/);
    expect(listRequests(provider)).toHaveLength(3);
  });

  it("gives up on a server that never answers with a timeout error after its retries", async () => {
    fake.setFault(provider, "timeout");
    const err = await failure(list(opts(provider, { timeoutMs: 150, maxRetries: 1 })));
    expect(err).toMatchObject({ provider, code: "timeout", retryable: true, attempts: 2 });
    expect(err.message).not.toContain(fake.keys[provider]);
    expect(listRequests(provider)).toHaveLength(2);
  });

  it("reports a 200 with a body that is not JSON as an invalid response, without retrying", async () => {
    fake.setFault(provider, "malformed");
    const err = await failure(list(opts(provider)));
    expect(err).toMatchObject({ provider, code: "invalid_response", retryable: false });
    expect(listRequests(provider)).toHaveLength(1);
  });

  it("reports a well-formed JSON body of the wrong shape as an invalid response", async () => {
    fake.setListing(provider, [{ unexpected: true }]);
    const err = await failure(list(opts(provider)));
    expect(err.code).toBe("invalid_response");
  });

  it("returns an empty listing for an empty answer", async () => {
    fake.setFault(provider, "empty");
    const listing = await list(opts(provider));
    expect(listing).toEqual({ provider, models: [], pages: 1 });
  });

  it("fails (rather than returning part of a listing) when a later page fails", async () => {
    fake.setFault(provider, "page2");
    const err = await failure(list(opts(provider, { pageSize: 3 })));
    expect(err).toMatchObject({ provider, status: 500 });
  });

  it("refuses to call the provider without a key", async () => {
    const err = await failure(list(opts(provider, { apiKey: "" })));
    expect(err.code).toBe("unauthorized");
    expect(listRequests(provider)).toHaveLength(0);
  });

  it("stops with an aborted error when the caller cancels", async () => {
    fake.setFault(provider, "timeout");
    const controller = new AbortController();
    const pending = list(opts(provider, { signal: controller.signal, timeoutMs: 10_000 }));
    setTimeout(() => controller.abort(), 50);
    const err = await failure(pending);
    expect(err).toMatchObject({ code: "aborted", retryable: false });
  });

  it("does not retry a 404 from a wrong base URL", async () => {
    const err = await failure(list(opts(provider, { baseUrl: `${fake.url}/nowhere` })));
    expect(err).toMatchObject({ provider, status: 404, code: "not_found", retryable: false, attempts: 1 });
    expect(fake.requests().filter((r) => r.path.startsWith("/nowhere"))).toHaveLength(1);
  });

  it("reports a provider that cannot be reached as a retryable network error", async () => {
    const closed = await startFakeProviders();
    const baseUrl = closed.baseUrls[provider];
    await closed.close();
    const err = await failure(list(opts(provider, { baseUrl, maxRetries: 1 })));
    expect(err).toMatchObject({ provider, code: "network", retryable: true, attempts: 2 });
  });
});

describe("overload answers", () => {
  it("retries Anthropic's 529 overloaded_error and reports it as overloaded when it lasts", async () => {
    fake.setFault("anthropic", "529");
    const err = await failure(PROVIDER_CLIENTS.anthropic(opts("anthropic", { maxRetries: 1 })));
    expect(err).toMatchObject({ status: 529, code: "overloaded", retryable: true, providerCode: "overloaded_error" });
    expect(listRequests("anthropic")).toHaveLength(2);
  });

  it.each(["openai", "google", "mistral"] as const)("retries %s's 503 and reports it as unavailable when it lasts", async (provider) => {
    fake.setFault(provider, "503");
    const err = await failure(PROVIDER_CLIENTS[provider](opts(provider, { maxRetries: 1 })));
    expect(err).toMatchObject({ status: 503, code: "unavailable", retryable: true });
    expect(listRequests(provider)).toHaveLength(2);
  });
});
