import { createProviderRegistry, customProvider, generateText, streamText } from "ai";
import { convertArrayToReadableStream, MockLanguageModelV4 } from "ai/test";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { invalidateConfigCache, resetConfigCache } from "@/lib/config/cache";
import { setDb } from "@/lib/db/client";
import { startAppServer, type AppServer } from "@/tests/support/app-server";
import { READ_KEY, makeDefault, setupConfigEnv } from "@/tests/support/config-fixtures";
import { createTestDb, type TestDatabase } from "@/tests/support/databases";
import { createModelManagerProvider, parseModelRef, type ModelFactory } from "./ai-sdk";
import { createModelClient } from "./model-client";
import type { Provider } from "./types";

setupConfigEnv();

const usage = { inputTokens: { total: 3, noCache: 3, cacheRead: undefined, cacheWrite: undefined }, outputTokens: { total: 2, text: 2, reasoning: undefined } };

/** Per provider, the AI SDK's mock language models the factory made, by model name. */
function mockFactories() {
  const made: { provider: Provider; model: MockLanguageModelV4 }[] = [];
  const factory = (provider: Provider): ModelFactory => (modelId) => {
    const model = new MockLanguageModelV4({
      provider: `mock-${provider}`,
      modelId,
      doGenerate: async () => ({ content: [{ type: "text", text: `${provider}/${modelId} says hi` }], finishReason: { unified: "stop", raw: "stop" }, usage, warnings: [] }),
      doStream: async () => ({
        stream: convertArrayToReadableStream([
          { type: "text-start", id: "t" },
          { type: "text-delta", id: "t", delta: `${modelId} ` },
          { type: "text-delta", id: "t", delta: "streams" },
          { type: "text-end", id: "t" },
          { type: "finish", finishReason: { unified: "stop", raw: "stop" }, usage },
        ]),
      }),
    });
    made.push({ provider, model });
    return model;
  };
  return { made, providers: { openai: factory("openai"), anthropic: factory("anthropic"), google: factory("google"), mistral: factory("mistral") } };
}

describe("the AI SDK provider against a real config API", () => {
  let t: TestDatabase;
  let server: AppServer;
  const client = () => createModelClient({ baseUrl: server.url, apiKey: READ_KEY, onError: () => {} });

  beforeAll(async () => {
    t = await createTestDb("pglite");
    await makeDefault(t.db, "openai", "flagship", "gpt-registry-flagship");
    await makeDefault(t.db, "anthropic", "fast", "claude-registry-fast");
    setDb(t.db);
    resetConfigCache();
    server = await startAppServer();
  });
  afterAll(async () => {
    await server?.close();
    setDb(undefined);
    await t?.close();
  });
  beforeEach(() => resetConfigCache());

  it("resolves a slot at call time and delegates generateText to that provider's model", async () => {
    const mocks = mockFactories();
    const amm = createModelManagerProvider({ client: client(), providers: mocks.providers });
    const result = await generateText({ model: amm("anthropic:fast"), prompt: "Hello" });
    expect(result.text).toBe("anthropic/claude-registry-fast says hi");
    expect(mocks.made.map((m) => `${m.provider}/${m.model.modelId}`)).toEqual(["anthropic/claude-registry-fast"]);
    expect(mocks.made[0].model.doGenerateCalls[0].prompt).toContainEqual(expect.objectContaining({ role: "user" }));
  });

  it("streams through the delegate", async () => {
    const mocks = mockFactories();
    const amm = createModelManagerProvider({ client: client(), providers: mocks.providers });
    const result = streamText({ model: amm.languageModel("openai:flagship"), prompt: "Hello" });
    expect(await result.text).toBe("gpt-registry-flagship streams");
  });

  it("follows a default that moves, without a new provider or model object", async () => {
    const mocks = mockFactories();
    const c = createModelClient({ baseUrl: server.url, apiKey: READ_KEY, ttlMs: 0, onError: () => {} });
    const model = createModelManagerProvider({ client: c, providers: mocks.providers })("openai:flagship");
    expect((await generateText({ model, prompt: "a" })).text).toBe("openai/gpt-registry-flagship says hi");
    await makeDefault(t.db, "openai", "flagship", "gpt-registry-next");
    invalidateConfigCache();
    expect((await generateText({ model, prompt: "b" })).text).toBe("openai/gpt-registry-next says hi");
    await makeDefault(t.db, "openai", "flagship", "gpt-registry-flagship");
  });

  it("works inside createProviderRegistry and customProvider", async () => {
    const mocks = mockFactories();
    const amm = createModelManagerProvider({ client: client(), providers: mocks.providers });
    const registry = createProviderRegistry({ amm });
    expect((await generateText({ model: registry.languageModel("amm:anthropic:fast"), prompt: "x" })).text).toBe("anthropic/claude-registry-fast says hi");
    const custom = customProvider({ languageModels: { summarize: amm("openai:flagship") }, fallbackProvider: amm });
    expect((await generateText({ model: custom.languageModel("summarize"), prompt: "x" })).text).toBe("openai/gpt-registry-flagship says hi");
    expect((await generateText({ model: custom.languageModel("anthropic:fast"), prompt: "x" })).text).toBe("anthropic/claude-registry-fast says hi");
  });

  it("delegates to the official providers by default (resolved without a call)", async () => {
    const amm = createModelManagerProvider({ client: client() });
    const slot = await amm.resolve("openai:flagship");
    expect(slot.config).toMatchObject({ model_name: "gpt-registry-flagship", from: "network" });
    expect(slot.model.provider).toMatch(/^openai\./);
    expect(slot.model.modelId).toBe("gpt-registry-flagship");
    expect((await amm.resolve("anthropic:fast")).model.provider).toMatch(/^anthropic\./);
    expect((await amm.resolve("google/gemini-9-pro")).model).toMatchObject({ modelId: "gemini-9-pro", provider: expect.stringMatching(/^google\./) });
    expect((await amm.resolve("mistral/mistral-large-2703")).model.provider).toMatch(/^mistral\./);
  });

  it("answers the built-in default when the API is down, as the client does", async () => {
    const mocks = mockFactories();
    const down = createModelClient({ baseUrl: "http://127.0.0.1:9", onError: () => {}, timeoutMs: 500 });
    const amm = createModelManagerProvider({ client: down, providers: mocks.providers });
    const r = await amm.resolve("openai:fast");
    expect(r.config.from).toBe("builtin");
    expect(r.model.modelId).toBe(r.config.model_name);
  });

  it("refuses unknown ids with the AI SDK's NoSuchModelError, and other model kinds", () => {
    const amm = createModelManagerProvider({ client: client() });
    for (const bad of ["openai", "openai:legacy", "acme:flagship", "route:", "openai/", "a:b:c"]) {
      expect(() => amm.languageModel(bad), bad).toThrow(expect.objectContaining({ name: "AI_NoSuchModelError" }));
    }
    expect(() => amm.embeddingModel("openai:flagship")).toThrow(/language models only/);
    expect(parseModelRef("route:summarize")).toEqual({ kind: "route", name: "summarize" });
  });
});
