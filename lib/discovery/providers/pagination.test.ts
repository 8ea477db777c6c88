import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eraListings } from "@/tests/support/fake-providers/listings";
import { startFakeProviders, type FakeProviders } from "@/tests/support/fake-providers/server";
import { listAnthropicModels, listGeminiModels } from "../list";

let fake: FakeProviders;
beforeAll(async () => {
  fake = await startFakeProviders();
});
afterAll(async () => fake?.close());
beforeEach(() => fake.reset());

const fast = { baseDelayMs: 1, maxDelayMs: 5 };

describe("Anthropic pagination", () => {
  it("follows has_more with after_id=last_id until the end, counting pages and reporting each one", async () => {
    const pages: { page: number; models_seen: number }[] = [];
    const listing = await listAnthropicModels({ apiKey: fake.keys.anthropic, baseUrl: fake.baseUrls.anthropic, pageSize: 3, onPage: (p) => pages.push(p), ...fast });
    const want = (eraListings("2025").anthropic as { id: string }[]).map((m) => m.id);
    expect(listing.models.map((m) => m.id).sort()).toEqual([...want].sort());
    expect(listing.pages).toBe(Math.ceil(want.length / 3));
    expect(pages).toEqual([{ page: 1, models_seen: 3 }, { page: 2, models_seen: 6 }, { page: 3, models_seen: want.length }]);
    const requests = fake.requests();
    expect(requests.map((r) => r.query.limit)).toEqual(["3", "3", "3"]);
    expect(requests[0].query.after_id).toBeUndefined();
    expect(requests[1].query.after_id).toBe(listing.models[2].id);
    expect(requests[2].query.after_id).toBe(listing.models[5].id);
  });

  it("asks for 1000 models a page by default, so a normal listing is one request", async () => {
    const listing = await listAnthropicModels({ apiKey: fake.keys.anthropic, baseUrl: fake.baseUrls.anthropic, ...fast });
    expect(listing.pages).toBe(1);
    expect(fake.requests()[0].query.limit).toBe("1000");
  });

  it("sends the anthropic-version header the API requires", async () => {
    // The fake answers 400 without it, so a successful listing proves the header.
    await expect(listAnthropicModels({ apiKey: fake.keys.anthropic, baseUrl: fake.baseUrls.anthropic, ...fast })).resolves.toMatchObject({ provider: "anthropic" });
    const res = await fetch(`${fake.baseUrls.anthropic}/v1/models`, { headers: { "x-api-key": fake.keys.anthropic } });
    expect(res.status).toBe(400);
  });
});

describe("Gemini pagination", () => {
  it("follows nextPageToken until it is absent, counting pages and reporting each one", async () => {
    const seen: number[] = [];
    const listing = await listGeminiModels({ apiKey: fake.keys.google, baseUrl: fake.baseUrls.google, pageSize: 7, onPage: (p) => seen.push(p.models_seen), ...fast });
    const want = (eraListings("2025").google as { name: string }[]).map((m) => m.name.replace("models/", ""));
    expect(listing.models.map((m) => m.id)).toEqual(want);
    expect(listing.pages).toBe(Math.ceil(want.length / 7));
    expect(seen.at(-1)).toBe(want.length);
    expect(seen).toHaveLength(listing.pages);
    const requests = fake.requests();
    expect(requests[0].query.pageToken).toBeUndefined();
    expect(requests.slice(1).every((r) => typeof r.query.pageToken === "string" && r.query.pageSize === "7")).toBe(true);
  });

  it("asks for 1000 models a page by default", async () => {
    const listing = await listGeminiModels({ apiKey: fake.keys.google, baseUrl: fake.baseUrls.google, ...fast });
    expect(listing.pages).toBe(1);
    expect(fake.requests()[0].query.pageSize).toBe("1000");
  });

  it("retries a failed later page on its own and still returns the whole listing", async () => {
    fake.setFault("google", "500-once");
    const listing = await listGeminiModels({ apiKey: fake.keys.google, baseUrl: fake.baseUrls.google, pageSize: 10, ...fast });
    expect(listing.models).toHaveLength(eraListings("2025").google.length);
  });
});

describe("a provider whose pagination never ends", () => {
  it("is stopped with an invalid_response error instead of looping", async () => {
    const looping: typeof fetch = async () => Response.json({ data: [{ type: "model", id: "claude-x" }], has_more: true, first_id: "claude-x", last_id: "claude-x" });
    await expect(listAnthropicModels({ apiKey: "k-123456", baseUrl: "http://127.0.0.1:9", fetch: looping, ...fast })).rejects.toMatchObject({ code: "invalid_response" });
  });
});
