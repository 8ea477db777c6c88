import { z } from "zod";
import { providerSchema } from "@/lib/domain";
import { routeNameSchema, routeStepSchema } from "@/lib/registry/route-schema";
import { selectQuerySchema } from "@/lib/registry/select-query";
import { modelConfigResponseSchema, modelConfigSchema } from "./schemas";

// Select and route answers (CONTRACT §9): the config answer's shape plus what the question needs.

/** GET /api/ai-model-config/select: lists as comma lists, numbers and booleans as text. */
export const selectQueryParamsSchema = selectQuerySchema.describe("What the model must be; every field optional");
/** POST /api/ai-model-config/select: the same question as a JSON body, lists as arrays. */
export const selectBodySchema = selectQuerySchema.describe("The same question as the GET query, as a JSON body (lists as arrays)");

/** How many runners-up a select answer carries. */
export const MAX_ALTERNATIVES = 5;

export const selectResponseSchema = modelConfigResponseSchema
  .extend({
    alternatives: z.array(modelConfigSchema).max(MAX_ALTERNATIVES).describe("The next models that qualify, in order"),
    matched: z.number().int().describe("How many models qualify"),
  })
  .describe("The best model that answers the question, the next few, and how many qualify");
export type SelectResponse = z.infer<typeof selectResponseSchema>;

export const routeParamsSchema = z.object({ name: routeNameSchema });

export const chainEntrySchema = z
  .object({
    step: routeStepSchema,
    provider: providerSchema.optional(),
    model_name: z.string().optional().describe("What the step resolves to now"),
    skipped: z.boolean().describe("True when the step resolves to nothing usable"),
    reason: z.string().optional().describe("Why the step was skipped"),
    used: z.boolean().describe("True for the step that answers"),
  })
  .describe("One step of a route and what it resolves to now");
export type ChainEntryWire = z.infer<typeof chainEntrySchema>;

export const routeResponseSchema = modelConfigResponseSchema
  .extend({
    route: routeNameSchema,
    chain: z.array(chainEntrySchema).describe("Every step, in order, with what it resolves to and why a step was skipped"),
  })
  .describe("The model a named route resolves to now, and its chain");
export type RouteResponse = z.infer<typeof routeResponseSchema>;
