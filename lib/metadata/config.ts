import { readEnv, type Env } from "@/lib/env";
import type { MetadataSource } from "./types";

export const DEFAULT_MODELS_DEV_URL = "https://models.dev/api.json";
export const DEFAULT_METADATA_TIMEOUT_MS = 20_000;
export const DEFAULT_METADATA_MAX_BYTES = 52_428_800;

/** Which variable configures each source's URL (CONTRACT §7). */
export const METADATA_URL_ENV: Record<MetadataSource, "MODELS_DEV_URL" | "LITELLM_MODEL_MAP_URL"> = {
  "models.dev": "MODELS_DEV_URL",
  litellm: "LITELLM_MODEL_MAP_URL",
};

export interface MetadataConfig {
  /** Each source's URL, or null when the source is off. */
  urls: Record<MetadataSource, string | null>;
  timeoutMs: number;
  maxBytes: number;
}

/**
 * The metadata sources' settings, read through the app's one env schema (lib/env-schema.ts). A bad value throws
 * an EnvError whose message names the variable, e.g. `METADATA_TIMEOUT_MS must be an integer from 100 to 600000, got "fast"`.
 */
export function metadataConfigFromEnv(env: Env): MetadataConfig {
  return {
    urls: { "models.dev": readEnv("MODELS_DEV_URL", env), litellm: readEnv("LITELLM_MODEL_MAP_URL", env) },
    timeoutMs: readEnv("METADATA_TIMEOUT_MS", env),
    maxBytes: readEnv("METADATA_MAX_BYTES", env),
  };
}
