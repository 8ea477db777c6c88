import { z } from "zod";
import { providerSchema, tierSchema } from "@/lib/domain";

/** POST /api/ai-model-updater: wait=false answers 202 at once with the run id. */
export const discoverBodySchema = z.object({
  wait: z.boolean().default(true).describe("Wait for the run to finish (default) or answer 202 with its id at once"),
  trigger: z.enum(["admin", "cli"]).default("admin").describe("Who asks: the console (admin, default) or `npm run discover` (cli)"),
});

/** POST /api/admin/models/<id>/classify */
export const classifyBodySchema = z.object({
  model_type: tierSchema,
  family: z.string().trim().min(1).max(100).nullable().optional().describe("Family line, e.g. gpt-5 or claude-sonnet"),
});

/** PATCH /api/admin/settings */
export const settingsPatchBodySchema = z.object({
  provider: providerSchema,
  allow_preview_defaults: z.boolean().describe("May this provider's preview models become defaults?"),
});
