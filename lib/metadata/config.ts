import { z } from "zod";
import type { MetadataSource } from "./types";

export const DEFAULT_MODELS_DEV_URL = "https://models.dev/api.json";
export const DEFAULT_METADATA_TIMEOUT_MS = 20_000;
export const DEFAULT_METADATA_MAX_BYTES = 52_428_800;

/** Which variable configures each source's URL (CONTRACT §7). */
export const METADATA_URL_ENV: Record<MetadataSource, string> = {
  "models.dev": "MODELS_DEV_URL",
  litellm: "LITELLM_MODEL_MAP_URL",
};

export interface MetadataConfig {
  /** Each source's URL, or null when the source is off. */
  urls: Record<MetadataSource, string | null>;
  timeoutMs: number;
  maxBytes: number;
}

type Env = Record<string, string | undefined>;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);

const urlSetting = (fallback: string | null) =>
  z.preprocess(
    blankToUndefined,
    z
      .union([z.literal("off"), z.url({ protocol: /^https?$/, error: "must be an http(s) URL or off" })])
      .optional()
      .transform((v) => (v === undefined ? fallback : v === "off" ? null : v)),
  );

const intSetting = (fallback: number, min: number, max: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: `must be an integer from ${min} to ${max}` })
      .int({ error: `must be an integer from ${min} to ${max}` })
      .min(min, { error: `must be an integer from ${min} to ${max}` })
      .max(max, { error: `must be an integer from ${min} to ${max}` })
      .optional()
      .transform((v) => v ?? fallback),
  );

/** The environment variables of the metadata sources, checked and defaulted. */
export const metadataEnvSchema = z.object({
  MODELS_DEV_URL: urlSetting(DEFAULT_MODELS_DEV_URL),
  LITELLM_MODEL_MAP_URL: urlSetting(null),
  METADATA_TIMEOUT_MS: intSetting(DEFAULT_METADATA_TIMEOUT_MS, 100, 600_000),
  METADATA_MAX_BYTES: intSetting(DEFAULT_METADATA_MAX_BYTES, 1024, 1_073_741_824),
});

/**
 * The metadata sources' settings from an environment object (pure). A bad value throws an Error whose
 * message names the variable, e.g. `METADATA_TIMEOUT_MS must be an integer from 100 to 600000, got "fast"`.
 */
export function metadataConfigFromEnv(env: Env): MetadataConfig {
  const picked = Object.fromEntries(Object.keys(metadataEnvSchema.shape).map((k) => [k, env[k]]));
  const parsed = metadataEnvSchema.safeParse(picked);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0]);
    throw new Error(`${name} ${issue.message}, got "${env[name] ?? ""}"`);
  }
  const v = parsed.data;
  return {
    urls: { "models.dev": v.MODELS_DEV_URL, litellm: v.LITELLM_MODEL_MAP_URL },
    timeoutMs: v.METADATA_TIMEOUT_MS,
    maxBytes: v.METADATA_MAX_BYTES,
  };
}
