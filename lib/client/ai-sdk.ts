// A Vercel AI SDK provider whose model ids are slots and routes ("openai:flagship", "route:summarize"), resolved
// through the config client at call time and delegated to the official provider of the model they resolve to.
import { anthropic } from "@ai-sdk/anthropic";
import { google } from "@ai-sdk/google";
import { mistral } from "@ai-sdk/mistral";
import { openai } from "@ai-sdk/openai";
import { NoSuchModelError, type LanguageModelV4, type ProviderV4 } from "@ai-sdk/provider";
import type { ModelClient } from "./model-client";
import { isModelType, isProvider, type ClientModelConfig, type ModelType, type Provider, type SlotRef } from "./types";

/** A model id of this provider: a slot, a named route, or a fixed model ("openai/gpt-5.5"). */
export type ModelRef = SlotRef | `route:${string}` | `${Provider}/${string}`;

/** Turns a model name into a language model of one provider (the official provider's function by default). */
export type ModelFactory = (modelId: string) => LanguageModelV4;

export interface ModelManagerProviderOptions {
  /** The config client (createModelClient): its cache, ETag and fallbacks apply to every resolution. */
  client: Pick<ModelClient, "getModelConfig" | "getRoute">;
  /** Per provider, how to make its language model; unset ones use @ai-sdk/openai, -anthropic, -google, -mistral. */
  providers?: Partial<Record<Provider, ModelFactory>>;
}

/** What an id resolves to now: the config answer it came from and the delegate model. */
export interface Resolution {
  config: ClientModelConfig;
  model: LanguageModelV4;
}

export interface ModelManagerProvider extends ProviderV4 {
  (id: ModelRef): LanguageModelV4;
  languageModel(id: ModelRef | string): LanguageModelV4;
  /** Resolves an id as a call would, without calling the model. */
  resolve(id: ModelRef | string): Promise<Resolution>;
}

const OFFICIAL: Record<Provider, ModelFactory> = {
  openai: (id) => openai(id),
  anthropic: (id) => anthropic(id),
  google: (id) => google(id),
  mistral: (id) => mistral(id),
};

type Parsed = { kind: "slot"; provider: Provider; type: ModelType } | { kind: "route"; name: string } | { kind: "model"; provider: Provider; name: string };

/** An id's meaning, or undefined for one this provider does not know. */
export function parseModelRef(id: string): Parsed | undefined {
  if (id.startsWith("route:")) return id.length > 6 ? { kind: "route", name: id.slice(6) } : undefined;
  const slash = id.indexOf("/");
  if (slash > 0) {
    const provider = id.slice(0, slash);
    return isProvider(provider) && slash < id.length - 1 ? { kind: "model", provider, name: id.slice(slash + 1) } : undefined;
  }
  const [provider, type, extra] = id.split(":");
  if (extra !== undefined || !isProvider(provider) || !isModelType(type ?? "")) return undefined;
  return { kind: "slot", provider, type: type as ModelType };
}

function unknownModel(id: string, modelType: "languageModel" | "embeddingModel" | "imageModel" = "languageModel"): NoSuchModelError {
  const message =
    modelType === "languageModel"
      ? `Unknown model id "${id}": use "<provider>:flagship|fast", "route:<name>" or "<provider>/<model>"`
      : `The AI Model Manager provider has language models only (asked for the ${modelType} "${id}")`;
  return new NoSuchModelError({ modelId: id, modelType, message });
}

/** Creates the provider: `createModelManagerProvider({ client })("anthropic:fast")` is a language model. */
export function createModelManagerProvider(options: ModelManagerProviderOptions): ModelManagerProvider {
  const factories = { ...OFFICIAL, ...options.providers };
  // One delegate per resolved model, made when first needed and kept while the id resolves to it.
  const delegates = new Map<string, LanguageModelV4>();
  function delegate(provider: Provider, name: string): LanguageModelV4 {
    const key = `${provider}/${name}`;
    let model = delegates.get(key);
    if (!model) delegates.set(key, (model = factories[provider](name)));
    return model;
  }

  async function resolve(id: string): Promise<Resolution> {
    const ref = parseModelRef(id);
    if (!ref) throw unknownModel(id);
    const config =
      ref.kind === "slot"
        ? await options.client.getModelConfig(ref.provider, ref.type)
        : ref.kind === "route"
          ? await options.client.getRoute(ref.name)
          : fixedModel(ref.provider, ref.name);
    return { config, model: delegate(config.provider, config.model_name) };
  }

  function languageModel(id: string): LanguageModelV4 {
    if (!parseModelRef(id)) throw unknownModel(id);
    return resolvingModel(id, resolve);
  }

  const provider = ((id: ModelRef) => languageModel(id)) as ModelManagerProvider;
  Object.assign(provider, {
    specificationVersion: "v4" as const,
    languageModel,
    resolve,
    embeddingModel: (id: string) => {
      throw unknownModel(id, "embeddingModel");
    },
    imageModel: (id: string) => {
      throw unknownModel(id, "imageModel");
    },
  });
  return provider;
}

/** A fixed model asked for by name: no config call, figures unknown. */
function fixedModel(provider: Provider, name: string): ClientModelConfig {
  return {
    model_name: name, provider, model_type: "fixed", display_name: null, capabilities: {},
    pricing: { input_per_mtok: null, output_per_mtok: null }, context_window: null, max_tokens: null, source: "fallback", from: "builtin",
  };
}

/** A language model that resolves its id on every call, so a default that moves is followed without a restart. */
function resolvingModel(id: string, resolve: (id: string) => Promise<Resolution>): LanguageModelV4 {
  return {
    specificationVersion: "v4",
    provider: "ai-model-manager",
    modelId: id,
    // URLs the delegate accepts as they are: asked of the model the id resolves to now.
    get supportedUrls() {
      return resolve(id).then(({ model }) => model.supportedUrls);
    },
    async doGenerate(callOptions) {
      const { model } = await resolve(id);
      return model.doGenerate(callOptions);
    },
    async doStream(callOptions) {
      const { model } = await resolve(id);
      return model.doStream(callOptions);
    },
  };
}
