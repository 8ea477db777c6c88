import { randomUUID } from "node:crypto";
import { z } from "zod";
import { factSourceSchema, PRICE_KEYS, type FactSource, type Pricing } from "@/lib/domain";
import { toJson } from "./params";
import { numberSchema, timestampSchema } from "./rows";
import type { Db } from "./types";

// ai_model_prices: each row is the price of a model in effect from effective_from, with its source.

const nullableNumber = numberSchema.nullable();

export const priceRowSchema = z.object({
  input_per_mtok: nullableNumber,
  output_per_mtok: nullableNumber,
  cache_read_per_mtok: nullableNumber,
  cache_write_per_mtok: nullableNumber,
  input_above_200k_per_mtok: nullableNumber,
  output_above_200k_per_mtok: nullableNumber,
  source: factSourceSchema,
  effective_from: timestampSchema,
});
/** One entry of a model's price history. */
export type PriceRow = z.infer<typeof priceRowSchema>;

export interface PriceObservation {
  model_id: string;
  pricing: Pricing;
  source: FactSource;
}

const PRICE_LIST = PRICE_KEYS.join(", ");
const RECORD = `id uuid, model_id uuid, source text, ${PRICE_KEYS.map((k) => `${k} numeric`).join(", ")}`;
// The newest row differs from the observed price in any of the six fields.
const DIFFERS = PRICE_KEYS.map((k) => `p.${k} is distinct from x.${k}`).join(" or ");

/** A price is worth recording when it states at least the input or the output price. */
const known = (p: Pricing) => p.input_per_mtok !== null || p.output_per_mtok !== null;

/**
 * Appends a price row for each model whose observed price differs from its newest recorded one (or that has
 * none yet: its first known price), effective from `at`, in one statement. Unknown prices are not recorded.
 * Answers how many rows it appended. Each candidate row brings an id made here (PGlite's gen_random_uuid() opens
 * /dev/urandom once a row), and the statement answers one count rather than a row per price.
 */
export async function recordPrices(db: Db, observed: readonly PriceObservation[], at: Date): Promise<number> {
  const rows = observed.filter((o) => known(o.pricing)).map((o) => ({ id: randomUUID(), model_id: o.model_id, source: o.source, ...pick(o.pricing) }));
  if (rows.length === 0) return 0;
  const [{ n }] = await db.query<{ n: number }>(
    `with inserted as (
     insert into public.ai_model_prices (id, model_id, source, effective_from, ${PRICE_LIST})
     select x.id, x.model_id, x.source, $2::timestamptz, ${PRICE_KEYS.map((k) => `x.${k}`).join(", ")}
     from jsonb_to_recordset($1::jsonb) as x(${RECORD})
     where not exists (
       select 1 from (
         select ${PRICE_LIST} from public.ai_model_prices p0 where p0.model_id = x.model_id
         order by effective_from desc, created_at desc limit 1
       ) p where not (${DIFFERS})
     )
     returning 1)
     select count(*)::int as n from inserted`,
    [toJson(rows), at.toISOString()],
  );
  return n;
}

function pick(p: Pricing): Record<(typeof PRICE_KEYS)[number], number | null> {
  return Object.fromEntries(PRICE_KEYS.map((k) => [k, p[k] ?? null])) as Record<(typeof PRICE_KEYS)[number], number | null>;
}

/** A model's price history, newest first. */
export async function listPriceHistory(db: Db, params: { modelId: string; limit?: number }): Promise<PriceRow[]> {
  const rows = await db.query(
    `select ${PRICE_LIST}, source, effective_from from public.ai_model_prices
     where model_id = $1::uuid order by effective_from desc, created_at desc limit $2`,
    [params.modelId, params.limit ?? 100],
  );
  return rows.map((r) => priceRowSchema.parse(r));
}
