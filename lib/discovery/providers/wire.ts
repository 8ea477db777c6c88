import { z } from "zod";

// Wire shapes of the four list-models APIs (see docs/reference/providers-api.md). Loose objects: providers add
// fields often, and the normaliser keeps the whole entry as raw metadata.

const nullableString = z.string().nullable().optional();
const nullableNumber = z.number().nullable().optional();

export const openaiModelSchema = z.looseObject({
  id: z.string().min(1),
  object: z.string().optional(),
  created: nullableNumber,
  owned_by: nullableString,
  shutdown_date: nullableString,
});
export type OpenAIWireModel = z.infer<typeof openaiModelSchema>;
export const openaiListSchema = z.looseObject({ object: z.string().optional(), data: z.array(openaiModelSchema) });

export const anthropicModelSchema = z.looseObject({
  type: z.string().optional(),
  id: z.string().min(1),
  display_name: nullableString,
  created_at: nullableString,
  max_input_tokens: nullableNumber,
  max_tokens: nullableNumber,
  // Leaves are `{ supported: bool }`, sometimes nested; read leniently in normalize.ts.
  capabilities: z.record(z.string(), z.unknown()).nullable().optional(),
});
export type AnthropicWireModel = z.infer<typeof anthropicModelSchema>;
export const anthropicPageSchema = z.looseObject({
  data: z.array(anthropicModelSchema),
  has_more: z.boolean(),
  first_id: nullableString,
  last_id: nullableString,
});

export const geminiModelSchema = z.looseObject({
  name: z.string().min(1),
  baseModelId: nullableString,
  version: nullableString,
  displayName: nullableString,
  description: nullableString,
  inputTokenLimit: nullableNumber,
  outputTokenLimit: nullableNumber,
  supportedGenerationMethods: z.array(z.string()).optional(),
  thinking: z.boolean().nullable().optional(),
});
export type GeminiWireModel = z.infer<typeof geminiModelSchema>;
// An empty project answers `{}`: no models key at all.
export const geminiPageSchema = z.looseObject({
  models: z.array(geminiModelSchema).optional(),
  nextPageToken: nullableString,
});

export const mistralModelSchema = z.looseObject({
  id: z.string().min(1),
  object: z.string().optional(),
  created: nullableNumber,
  owned_by: nullableString,
  type: nullableString,
  name: nullableString,
  description: nullableString,
  max_context_length: nullableNumber,
  aliases: z.array(z.string()).nullable().optional(),
  deprecation: nullableString,
  deprecation_replacement_model: nullableString,
  capabilities: z.record(z.string(), z.unknown()).nullable().optional(),
});
export type MistralWireModel = z.infer<typeof mistralModelSchema>;
export const mistralListSchema = z.looseObject({ object: z.string().optional(), data: z.array(mistralModelSchema) });
