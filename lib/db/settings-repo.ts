import { z } from "zod";
import { PROVIDERS, providerSchema, type Provider } from "@/lib/domain";
import { nullableTimestampSchema } from "./rows";
import type { Db } from "./types";

const settingsRowSchema = z.object({
  provider: providerSchema,
  allow_preview_defaults: z.boolean(),
  updated_by: z.string().nullable(),
  updated_at: nullableTimestampSchema,
});
export type ProviderSettings = Record<Provider, { allow_preview_defaults: boolean; updated_by: string | null; updated_at: string | null }>;

/** Every provider's settings (a provider without a row has the defaults: previews not allowed). */
export async function getProviderSettings(db: Db): Promise<ProviderSettings> {
  const rows = await db.query("select provider, allow_preview_defaults, updated_by, updated_at from public.ai_provider_settings");
  const parsed = rows.map((r) => settingsRowSchema.parse(r));
  return Object.fromEntries(
    PROVIDERS.map((p) => {
      const r = parsed.find((x) => x.provider === p);
      return [p, { allow_preview_defaults: r?.allow_preview_defaults ?? false, updated_by: r?.updated_by ?? null, updated_at: r?.updated_at ?? null }];
    }),
  ) as ProviderSettings;
}

/** Sets whether a provider's previews may become defaults. */
export async function setAllowPreviewDefaults(db: Db, provider: Provider, allow: boolean, updatedBy: string): Promise<void> {
  await db.query(
    `insert into public.ai_provider_settings (provider, allow_preview_defaults, updated_by, updated_at)
     values ($1, $2, $3, now())
     on conflict (provider) do update set allow_preview_defaults = excluded.allow_preview_defaults,
       updated_by = excluded.updated_by, updated_at = now()`,
    [provider, allow, updatedBy],
  );
}
