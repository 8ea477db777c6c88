import { describe, expect, it } from "vitest";
import { eraListings } from "@/tests/support/fake-providers/listings";
import { isoDay, isPreview, normalizeAnthropic, normalizeGemini, normalizeMistral, normalizeOpenAI, unixDay } from "./normalize";
import { anthropicModelSchema, geminiModelSchema, mistralModelSchema, openaiModelSchema, type MistralWireModel } from "./providers/wire";

const mistralEntry = (id: string, name: string, extra: Partial<MistralWireModel> = {}): MistralWireModel => ({
  id,
  object: "model",
  created: 1764201600,
  owned_by: "mistralai",
  name,
  max_context_length: 131072,
  aliases: [],
  deprecation: null,
  capabilities: { completion_chat: true, function_calling: true, vision: false, reasoning: false },
  type: "base",
  ...extra,
});

describe("date helpers", () => {
  it.each([
    ["2025-02-19T00:00:00Z", "2025-02-19"],
    ["2025-11-30T12:00:00Z", "2025-11-30"],
    ["2025-11-30T23:30:00-05:00", "2025-12-01"],
    ["2026-02-17", "2026-02-17"],
    ["not a date", null],
    ["", null],
    [null, null],
    [20250219, null],
  ])("reads %j as the day %j", (input, want) => {
    expect(isoDay(input)).toBe(want);
  });

  it.each([
    [1754413200, "2025-08-05"],
    [0, null],
    [-5, null],
    [null, null],
    ["1754413200", null],
  ])("reads unix seconds %j as the day %j", (input, want) => {
    expect(unixDay(input)).toBe(want);
  });
});

describe("preview detection", () => {
  it.each([
    ["gemini-2.5-flash-preview-09-2025", null, true],
    ["gpt-4o-search-preview", null, true],
    ["gemini-2.0-flash-exp", null, true],
    ["gemini-exp-1206", null, true],
    ["gemini-2.0-flash-thinking-exp-01-21", null, true],
    ["learnlm-2.0-flash-experimental", "LearnLM 2.0 Flash Experimental", true],
    ["some-model", "Some Model (Preview)", true],
    ["gpt-5", null, false],
    ["gemini-2.5-flash", "Gemini 2.5 Flash", false],
    ["expert-model", null, false],
    ["gpt-4o-mini-2024-07-18", null, false],
  ])("%s (display %j) is preview: %s", (id, display, want) => {
    expect(isPreview(id, display)).toBe(want);
  });
});

describe("normalizeOpenAI", () => {
  it("turns created into a release day, keeps shutdown_date, and leaves chat ability to the classifier", () => {
    const [m] = normalizeOpenAI([{ id: "chatgpt-4o-latest", object: "model", created: 1723568400, owned_by: "system", shutdown_date: "2026-02-17" }]);
    expect(m).toMatchObject({ provider: "openai", id: "chatgpt-4o-latest", display_name: null, release_date: "2024-08-13", shutdown_date: "2026-02-17", chat_capable: null, aliases: [], capabilities: {}, input_token_limit: null });
    expect(m.raw).toMatchObject({ owned_by: "system" });
  });

  it("lists dated snapshots beside their alias instead of folding them", () => {
    const ids = normalizeOpenAI([{ id: "gpt-5", created: 1 }, { id: "gpt-5-2025-08-07", created: 1 }]).map((m) => m.id);
    expect(ids).toEqual(["gpt-5", "gpt-5-2025-08-07"]);
  });

  it("keeps unknown wire fields in raw", () => {
    const [m] = normalizeOpenAI([openaiModelSchema.parse({ id: "gpt-9", created: 1, permission: ["x"] })]);
    expect(m.raw.permission).toEqual(["x"]);
  });
});

describe("normalizeAnthropic", () => {
  it("reads display name, release day, limits and supported capabilities under the domain's names", () => {
    const [m] = normalizeAnthropic([
      anthropicModelSchema.parse({
        type: "model",
        id: "claude-sonnet-4-5-20250929",
        display_name: "Claude Sonnet 4.5",
        created_at: "2025-09-29T00:00:00Z",
        max_input_tokens: 1000000,
        max_tokens: 64000,
        capabilities: { image_input: { supported: true }, thinking: { supported: true, types: { enabled: { supported: true } } }, structured_outputs: { supported: false }, pdf_input: { supported: true }, odd: "yes" },
      }),
    ]);
    expect(m).toMatchObject({ id: "claude-sonnet-4-5-20250929", display_name: "Claude Sonnet 4.5", release_date: "2025-09-29", input_token_limit: 1000000, output_token_limit: 64000, chat_capable: true, is_preview: false });
    expect(m.capabilities).toEqual({ vision: true, reasoning: true, json_mode: false, pdf_input: true });
  });

  it("leaves capabilities and limits unknown when an older answer does not state them", () => {
    const [m] = normalizeAnthropic([{ type: "model", id: "claude-3-5-haiku-20241022", display_name: "Claude Haiku 3.5", created_at: "2024-10-22T00:00:00Z" }]);
    expect(m.capabilities).toEqual({});
    expect(m.input_token_limit).toBeNull();
    expect(m.output_token_limit).toBeNull();
  });
});

describe("normalizeGemini", () => {
  const gemini = (name: string, methods: string[] | undefined, extra: Record<string, unknown> = {}) =>
    geminiModelSchema.parse({ name, displayName: name.replace("models/", ""), inputTokenLimit: 1048576, outputTokenLimit: 65536, ...(methods ? { supportedGenerationMethods: methods } : {}), ...extra });

  it.each([
    ["models/gemini-2.5-pro", ["generateContent", "countTokens"], true],
    ["models/gemini-2.0-flash-exp", ["generateContent", "bidiGenerateContent"], true],
    ["models/gemini-2.5-flash-native-audio", ["countTokens", "bidiGenerateContent"], false],
    ["models/gemini-embedding-001", ["embedContent"], false],
    ["models/imagen-4.0-generate-001", ["predict"], false],
    ["models/mystery", undefined, null],
  ])("%s with methods %j is chat capable: %s", (name, methods, want) => {
    const [m] = normalizeGemini([gemini(name, methods)]);
    expect(m.chat_capable).toBe(want);
    expect(m.id).toBe(name.replace("models/", ""));
  });

  it("maps thinking to reasoning and reads token limits; there is no release day", () => {
    const [m] = normalizeGemini([gemini("models/gemini-2.5-flash", ["generateContent"], { thinking: true, version: "001" })]);
    expect(m).toMatchObject({ id: "gemini-2.5-flash", capabilities: { reasoning: true }, input_token_limit: 1048576, output_token_limit: 65536, release_date: null });
    expect(m.raw.name).toBe("models/gemini-2.5-flash");
  });

  it("states no reasoning capability when thinking is absent", () => {
    expect(normalizeGemini([gemini("models/gemini-2.0-flash", ["generateContent"])])[0].capabilities).toEqual({});
  });
});

describe("normalizeMistral", () => {
  it("folds entries sharing a name into the -latest alias, keeping the other ids as aliases", () => {
    const models = normalizeMistral([
      mistralEntry("mistral-large-2411", "mistral-large-2411", { aliases: ["mistral-large-latest"] }),
      mistralEntry("mistral-large-latest", "mistral-large-2411", { aliases: ["mistral-large-2411"] }),
    ]);
    expect(models).toHaveLength(1);
    expect(models[0]).toMatchObject({ id: "mistral-large-latest", aliases: ["mistral-large-2411"], display_name: "mistral-large-2411" });
  });

  it("keeps the newest id when a group has no -latest alias, and still gathers stated aliases", () => {
    const models = normalizeMistral([
      mistralEntry("open-mistral-nemo-2407", "open-mistral-nemo"),
      mistralEntry("open-mistral-nemo-2501", "open-mistral-nemo", { aliases: ["mistral-tiny-2407"] }),
    ]);
    expect(models.map((m) => [m.id, m.aliases])).toEqual([["open-mistral-nemo-2501", ["mistral-tiny-2407", "open-mistral-nemo-2407"]]]);
  });

  it("reads completion_chat as chat ability and keeps vision, function calling and reasoning", () => {
    const [chat, embed] = normalizeMistral([
      mistralEntry("magistral-medium-latest", "magistral-medium-2509", { capabilities: { completion_chat: true, function_calling: true, vision: true, reasoning: true } }),
      mistralEntry("mistral-embed", "mistral-embed", { capabilities: { completion_chat: false, function_calling: false } }),
    ]);
    expect(chat.chat_capable).toBe(true);
    expect(chat.capabilities).toMatchObject({ vision: true, function_calling: true, reasoning: true });
    expect(embed.chat_capable).toBe(false);
  });

  it("turns deprecation into a shutdown day, uses max_context_length as the input limit, and gives no release day", () => {
    const [m] = normalizeMistral([mistralEntry("mistral-large-2407", "mistral-large-2407", { deprecation: "2025-11-30T12:00:00Z" })]);
    expect(m).toMatchObject({ shutdown_date: "2025-11-30", input_token_limit: 131072, release_date: null });
  });

  it("leaves chat ability unknown when capabilities are missing", () => {
    expect(normalizeMistral([mistralEntry("x-1", "x", { capabilities: null })])[0].chat_capable).toBeNull();
  });
});

describe("the fake provider listings", () => {
  it("normalise into one model per Mistral name, with every id of 2025 still reachable as id or alias", () => {
    const wire = mistralModelSchema.array().parse(eraListings("2025").mistral);
    const models = normalizeMistral(wire);
    expect(new Set(models.map((m) => m.display_name)).size).toBe(models.length);
    const reachable = new Set(models.flatMap((m) => [m.id, ...m.aliases]));
    for (const e of wire) expect(reachable.has(e.id)).toBe(true);
  });
});
