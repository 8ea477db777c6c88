import { z } from "zod";
import { issuePath } from "@/lib/errors";
import { DEFAULT_TIERS, PROVIDERS } from "@/lib/domain";
import { routeConstraintsSchema, selectQuerySchema } from "./select-query";

// A route (CONTRACT §9): a named, ordered chain of steps. The API, the repository and the console parse with these.

export const ROUTE_NAME_PATTERN = /^[a-z0-9][a-z0-9-_.]{0,62}$/;
export const MAX_ROUTE_STEPS = 10;

export const routeNameSchema = z
  .string({ error: "required" })
  .regex(ROUTE_NAME_PATTERN, "must match ^[a-z0-9][a-z0-9-_.]{0,62}$ (lower-case letters, digits, - _ .)")
  .describe("The route's name, e.g. summarize");

const slotPattern = new RegExp(`^(${PROVIDERS.join("|")}):(${DEFAULT_TIERS.join("|")})$`);
const modelPattern = new RegExp(`^(${PROVIDERS.join("|")})/[^\\s/][^\\s]{0,199}$`);

/** A slot step: whatever that provider's default of the tier is when the route resolves. */
export const slotStepSchema = z.strictObject({
  slot: z.string().regex(slotPattern, "expected <provider>:<flagship|fast>, e.g. anthropic:fast").describe("e.g. anthropic:fast"),
});
/** A model step: one fixed model, named provider/model_name (an unknown or retired one is skipped when resolving). */
export const modelStepSchema = z.strictObject({
  model: z.string().regex(modelPattern, "expected <provider>/<model name>, e.g. openai/gpt-5.5").describe("e.g. openai/gpt-5.5"),
});
/** A select step: the best model a select question answers when the route resolves. */
export const selectStepSchema = z.strictObject({ select: selectQuerySchema });

/** The three step shapes, for answers and documents (routes parse with `stepSchema`, whose errors are sharper). */
export const routeStepSchema = z
  .union([slotStepSchema, modelStepSchema, selectStepSchema])
  .describe('One step: { slot: "anthropic:fast" } | { model: "openai/gpt-5.5" } | { select: { …select parameters… } }');
export type RouteStep = z.output<typeof routeStepSchema>;

const STEP_KINDS = { slot: slotStepSchema, model: modelStepSchema, select: selectStepSchema } as const;

// The step's one key picks its schema, so a bad select parameter is named instead of "no branch matched".
const stepSchema = z.unknown().transform((v, ctx): RouteStep => {
  const keys = v && typeof v === "object" && !Array.isArray(v) ? Object.keys(v) : [];
  const kind = keys.length === 1 ? (keys[0] as keyof typeof STEP_KINDS) : undefined;
  const schema = kind && STEP_KINDS[kind];
  if (!schema) {
    ctx.addIssue({ code: "custom", message: "expected exactly one of { slot }, { model } or { select }" });
    return z.NEVER;
  }
  const parsed = schema.safeParse(v);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: issuePath(issue), message: issue.message });
  return z.NEVER;
});

/** A route as an admin writes it (POST and PUT take the whole route). */
export const routeSchema = z.strictObject({
  name: routeNameSchema,
  description: z.string().trim().max(500).nullable().optional().describe("What the route is for"),
  steps: z.array(stepSchema).min(1, "a route needs at least one step").max(MAX_ROUTE_STEPS).describe("Tried in order; the first that resolves answers"),
  constraints: routeConstraintsSchema.nullable().optional().describe("Filters every step's model must also pass (the select filters)"),
});
export type Route = z.output<typeof routeSchema>;
export type RouteInput = z.input<typeof routeSchema>;

/** A step's kind and text, for chains and the console ("slot anthropic:fast"). */
export function describeStep(step: RouteStep): string {
  if ("slot" in step) return `slot ${step.slot}`;
  if ("model" in step) return `model ${step.model}`;
  return "select";
}
