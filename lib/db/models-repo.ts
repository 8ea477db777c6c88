import { z } from "zod";
import { capabilitiesSchema, providerSchema, tierSchema, type Provider, type Tier } from "@/lib/domain";
import { toJson, toTextArray } from "./params";
import { nullableTimestampSchema, numberSchema, timestampSchema } from "./rows";
import type { Db } from "./types";

const rowPricingSchema = z.object({
  input_per_mtok: z.number().nullable().default(null),
  output_per_mtok: z.number().nullable().default(null),
});

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
  source: z.enum(["catalog", "discovery", "admin"]),
  discovered_at: timestampSchema,
  last_validated_at: nullableTimestampSchema,
  deactivated_at: nullableTimestampSchema,
  metadata: z.record(z.string(), z.unknown()),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
/** One row of ai_model_configs, as the program and the wire see it. */
export type ModelRow = z.infer<typeof modelRowSchema>;

export const MODEL_COLUMNS = `id::text as id, provider, model_name, display_name, model_type, family, version_rank,
  is_active, is_default, is_pinned, is_preview, needs_review, capabilities, pricing, max_tokens, context_window,
  aliases, release_date::text as release_date, shutdown_date::text as shutdown_date, source, discovered_at,
  last_validated_at, deactivated_at, metadata, created_at, updated_at`;

export function parseModelRows(rows: unknown[]): ModelRow[] {
  return rows.map((r) => modelRowSchema.parse(r));
}

export interface ListModelsParams {
  provider?: Provider;
  tier?: Tier;
  active?: boolean;
}

/** Models in a stable order: provider, tier, newest generation first, then name. */
export async function listModels(db: Db, params: ListModelsParams = {}): Promise<ModelRow[]> {
  const rows = await db.query(
    `select ${MODEL_COLUMNS} from public.ai_model_configs
     where ($1::text is null or provider = $1) and ($2::text is null or model_type = $2)
       and ($3::boolean is null or is_active = $3)
     order by array_position(array['openai','anthropic','google','mistral'], provider),
       array_position(array['flagship','fast','legacy'], model_type), version_rank desc, model_name`,
    [params.provider ?? null, params.tier ?? null, params.active ?? null],
  );
  return parseModelRows(rows);
}

/** The current defaults (at most one per provider and tier, by constraint). */
export async function listDefaults(db: Db): Promise<ModelRow[]> {
  const rows = await db.query(`select ${MODEL_COLUMNS} from public.ai_model_configs where is_default`);
  return parseModelRows(rows);
}

export async function countModels(db: Db): Promise<number> {
  const [row] = await db.query<{ n: unknown }>("select count(*)::int as n from public.ai_model_configs");
  return Number(row.n);
}

export interface NewModel {
  provider: Provider;
  model_name: string;
  display_name?: string | null;
  model_type: Tier;
  family?: string | null;
  version_rank?: number;
  is_active?: boolean;
  is_default?: boolean;
  is_preview?: boolean;
  needs_review?: boolean;
  capabilities?: Record<string, boolean>;
  pricing?: { input_per_mtok: number | null; output_per_mtok: number | null };
  max_tokens?: number | null;
  context_window?: number | null;
  aliases?: string[];
  release_date?: string | null;
  shutdown_date?: string | null;
  source?: "catalog" | "discovery" | "admin";
  last_validated_at?: Date | null;
  metadata?: Record<string, unknown>;
}

/** Inserts one model; a duplicate (provider, model_name) violates the unique constraint. */
export async function insertModel(db: Db, m: NewModel): Promise<ModelRow> {
  const rows = await db.query(
    `insert into public.ai_model_configs (provider, model_name, display_name, model_type, family, version_rank,
       is_active, is_default, is_preview, needs_review, capabilities, pricing, max_tokens, context_window, aliases,
       release_date, shutdown_date, source, last_validated_at, metadata)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13, $14, $15::text[],
       $16::date, $17::date, $18, $19, $20::jsonb)
     returning ${MODEL_COLUMNS}`,
    [
      m.provider, m.model_name, m.display_name ?? null, m.model_type, m.family ?? null, m.version_rank ?? 0,
      m.is_active ?? true, m.is_default ?? false, m.is_preview ?? false, m.needs_review ?? false,
      toJson(m.capabilities ?? {}), toJson(m.pricing ?? { input_per_mtok: null, output_per_mtok: null }),
      m.max_tokens ?? null, m.context_window ?? null, toTextArray(m.aliases ?? []),
      m.release_date ?? null, m.shutdown_date ?? null, m.source ?? "catalog", m.last_validated_at ?? null,
      toJson(m.metadata ?? {}),
    ],
  );
  return parseModelRows(rows)[0];
}
