import { z } from "zod";
import { capabilitiesSchema, PRICE_KEYS, providerSchema, tierSchema } from "@/lib/domain";
import { overridesSchema, provenanceSchema } from "./facts-columns";
import { nullableTimestampSchema, numberSchema, timestampSchema } from "./rows";

// Every price read as a number or null: rows written before the extra prices existed read them as null.
const rowPricingSchema = z.object(
  Object.fromEntries(PRICE_KEYS.map((k) => [k, z.number().nullable().default(null)])) as Record<
    (typeof PRICE_KEYS)[number],
    z.ZodDefault<z.ZodNullable<z.ZodNumber>>
  >,
);

/** What a run learnt of a model's listing: the rule that tiered it and the provider's own entry (raw, as listed). */
export const listingFactsSchema = z.object({
  rules_version: z.string(),
  rule: z.number().nullable(),
  line: z.string().nullable(),
  listed_ids: z.array(z.string()),
  raw: z.record(z.string(), z.unknown()).describe("The provider's listing entry as it came"),
});

/** The metadata column: known keys typed; later keys pass through. */
export const modelMetadataSchema = z.looseObject({
  catalog_source: z.string().optional(),
  classified_by: z.literal("admin").optional(),
  fingerprint: z.string().optional(),
  /** The successor the provider or the catalog states, kept so clearing an admin's successor restores it. */
  stated_successor: z.string().nullable().optional(),
  discovery: listingFactsSchema.optional(),
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
  provenance: provenanceSchema,
  overrides: overridesSchema,
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
  metadata: modelMetadataSchema,
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
/** One row of ai_model_configs, as the program and the wire see it. */
export type ModelRow = z.infer<typeof modelRowSchema>;

// What planning a run does not read of a row, its own history's timestamps: its registry read leaves them out.
const PLAN_OMITS = { discovered_at: true, created_at: true, updated_at: true, last_validated_at: true, deactivated_at: true } as const;
export const planRowSchema = modelRowSchema.omit(PLAN_OMITS);
/** A registry row as a run's plan reads it (lib/discovery/plan.ts). */
export type PlanRow = z.infer<typeof planRowSchema>;

type Column = keyof ModelRow;

// How each column is selected; a column absent here is selected by its own name.
const SELECT_AS: Partial<Record<Column, string>> = {
  id: "id::text",
  release_date: "release_date::text",
  shutdown_date: "shutdown_date::text",
};

const COLUMNS = Object.keys(modelRowSchema.shape) as Column[];
/** The columns of a PlanRow, in row order. */
export const PLAN_COLUMNS = Object.keys(planRowSchema.shape) as Column[];

/** Each column's select expression, in row order; `overrides` replaces the expression of a column. */
function columnExprs(overrides: Partial<Record<Column, string>>, columns: readonly Column[] = COLUMNS): string[] {
  return columns.map((c) => overrides[c] ?? SELECT_AS[c] ?? c);
}

/**
 * The select list of every column, in row order; `overrides` replaces the expression of a column
 * (e.g. `{ metadata: "metadata - 'discovery'" }`), keeping its name.
 */
export function modelColumns(overrides: Partial<Record<Column, string>> = {}): string {
  return columnExprs(overrides)
    .map((expr, i) => (expr === COLUMNS[i] ? expr : `${expr} as ${COLUMNS[i]}`))
    .join(", ");
}

/**
 * Every column (or those named) as one JSON array per row (no column names repeated in each row), read back by
 * rowsFromArrays with the same columns.
 */
export function modelColumnsArray(overrides: Partial<Record<Column, string>> = {}, columns: readonly Column[] = COLUMNS): string {
  return `json_build_array(${columnExprs(overrides, columns).join(", ")})`;
}

/** Rows selected with modelColumnsArray, as objects named by column. */
export function rowsFromArrays(arrays: readonly unknown[][], columns: readonly Column[] = COLUMNS): Record<string, unknown>[] {
  return arrays.map((a) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < columns.length; i++) row[columns[i]] = a[i];
    return row;
  });
}

export const MODEL_COLUMNS = modelColumns();

export function parseModelRows(rows: unknown[]): ModelRow[] {
  return rows.map((r) => modelRowSchema.parse(r));
}

export function parsePlanRows(rows: unknown[]): PlanRow[] {
  return rows.map((r) => planRowSchema.parse(r));
}
