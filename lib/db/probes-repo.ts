import { z } from "zod";
import { providerSchema, type Provider } from "@/lib/domain";
import { toJson } from "./params";
import { numberSchema, timestampSchema } from "./rows";
import type { Db } from "./types";

export const probeRowSchema = z.object({
  provider: providerSchema,
  model_name: z.string(),
  mode: z.enum(["get", "call"]),
  ok: z.boolean(),
  probed_at: timestampSchema,
  latency_ms: numberSchema,
  status: z.number().int().nullable(),
  error: z.string().nullable(),
});
/** The last probe of one model. */
export type ProbeRow = z.infer<typeof probeRowSchema>;

/** Keeps each model's latest probe, and moves last_validated_at of the models that passed. */
export async function recordProbes(
  db: Db,
  probes: readonly { provider: Provider; model_name: string; mode: "get" | "call"; ok: boolean; at: string; latency_ms: number; status: number | null; error: string | null }[],
): Promise<void> {
  if (probes.length === 0) return;
  await db.query(
    `insert into public.ai_model_probes (provider, model_name, mode, ok, probed_at, latency_ms, status, error)
     select provider, model_name, mode, ok, at, latency_ms, status, error
     from jsonb_to_recordset($1::jsonb) as x(provider text, model_name text, mode text, ok boolean, at timestamptz, latency_ms integer, status integer, error text)
     on conflict (provider, model_name) do update set mode = excluded.mode, ok = excluded.ok, probed_at = excluded.probed_at,
       latency_ms = excluded.latency_ms, status = excluded.status, error = excluded.error`,
    [toJson(probes)],
  );
  await db.query(
    `update public.ai_model_configs c set last_validated_at = x.at
     from jsonb_to_recordset($1::jsonb) as x(provider text, model_name text, at timestamptz)
     where c.provider = x.provider and c.model_name = x.model_name`,
    [toJson(probes.filter((p) => p.ok))],
  );
}

/** The last probe of one model, if it was ever probed. */
export async function getProbe(db: Db, provider: Provider, modelName: string): Promise<ProbeRow | undefined> {
  const rows = await db.query(
    "select provider, model_name, mode, ok, probed_at, latency_ms, status, error from public.ai_model_probes where provider = $1 and model_name = $2",
    [provider, modelName],
  );
  return rows.map((r) => probeRowSchema.parse(r))[0];
}
