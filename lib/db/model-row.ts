import { z } from "zod";
import { capabilitiesSchema, providerSchema, tierSchema } from "@/lib/domain";
import { nullableTimestampSchema, numberSchema, timestampSchema } from "./rows";

const rowPricingSchema = z.object({
  input_per_mtok: z.number().nullable().default(null),
  output_per_mtok: z.number().nullable().default(null),
});

export const modelSourceSchema = z.enum(["catalog", "discovery", "admin"]);

export const modelRowSchema = z.object({
  id: z.string(),
  provider: providerSchema,
  model_name: z.string(),
  display_name: z.string().nullable(),
  model_type: tierSchema,
  family: z.string().nullable(),
  version_rank: numberSchema,
  is_active: z.boolean(),
  is_default: z.boolean(),
  is_pinned: z.boolean(),
  is_preview: z.boolean(),
  needs_review: z.boolean(),
  capabilities: capabilitiesSchema,
  pricing: rowPricingSchema,
  max_tokens: z.number().int().nullable(),
  context_window: z.number().int().nullable(),
  aliases: z.array(z.string()),
  release_date: z.string().nullable(),
  shutdown_date: z.string().nullable(),
  /** The replacement the provider (or the catalog, an admin) names, as stated; not resolved to a row. */
  successor: z.string().nullable(),
  /** Why the model is inactive ("shut down on <date>", "no longer listed"); null while active. */
  deactivation_reason: z.string().nullable(),
  /** The last complete listing that named the model; the vanish guard counts only confirmed rows. */
  confirmed_at: nullableTimestampSchema,
  source: modelSourceSchema,
  discovered_at: timestampSchema,
  last_validated_at: nullableTimestampSchema,
  deactivated_at: nullableTimestampSchema,
  metadata: z.record(z.string(), z.unknown()),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
/** One row of ai_model_configs, as the program and the wire see it. */
export type ModelRow = z.infer<typeof modelRowSchema>;

type Column = keyof ModelRow;

// How each column is selected; a column absent here is selected by its own name.
const SELECT_AS: Partial<Record<Column, string>> = {
  id: "id::text",
  release_date: "release_date::text",
  shutdown_date: "shutdown_date::text",
};

/**
 * The select list of every column, in row order; `overrides` replaces the expression of a column
 * (e.g. `{ metadata: "metadata - 'discovery'" }`), keeping its name.
 */
export function modelColumns(overrides: Partial<Record<Column, string>> = {}): string {
  return (Object.keys(modelRowSchema.shape) as Column[])
    .map((c) => {
      const expr = overrides[c] ?? SELECT_AS[c];
      return expr ? `${expr} as ${c}` : c;
    })
    .join(", ");
}

export const MODEL_COLUMNS = modelColumns();

export function parseModelRows(rows: unknown[]): ModelRow[] {
  return rows.map((r) => modelRowSchema.parse(r));
}
