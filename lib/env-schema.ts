import { z } from "zod";

// Every setting the app reads, in one schema (see README "Configuration"). Values arrive as strings or are
// unset; blank means unset. A bad value is one EnvError naming its variable (lib/env.ts readEnv).

const text = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

const list = z
  .string()
  .optional()
  .transform((v) => (v ?? "").split(",").map((k) => k.trim()).filter(Boolean));

const flag = z
  .string()
  .optional()
  .transform((v) => v?.trim() === "1");

const present = z
  .string()
  .optional()
  .transform((v) => Boolean(v?.trim()));

/** Comma-separated http(s) URLs; anything else names the variable (the URL itself is never echoed: it may hold a secret). */
const urlList = list.transform((urls, ctx) => {
  urls.forEach((u, i) => {
    let ok = false;
    try {
      ok = ["http:", "https:"].includes(new URL(u).protocol);
    } catch {
      ok = false;
    }
    if (!ok) ctx.addIssue({ code: "custom", message: `entry ${i + 1} must be an http(s) URL` });
  });
  return urls;
});

/** An integer setting in [min, max] with a default; "" is the default too. */
function int(fallback: number, min: number, max: number) {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      const raw = v?.trim();
      if (!raw) return fallback;
      const n = Number(raw);
      if (Number.isInteger(n) && n >= min && n <= max) return n;
      ctx.addIssue({ code: "custom", message: `must be an integer from ${min} to ${max}, got "${raw}"` });
      return z.NEVER;
    });
}

/** One of a fixed set of words (case-insensitive), with a default when unset or blank. */
function oneOf<const T extends readonly [string, ...string[]]>(values: T, fallback: T[number] | undefined) {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      const raw = v?.trim().toLowerCase();
      if (!raw) return fallback;
      if ((values as readonly string[]).includes(raw)) return raw as T[number];
      ctx.addIssue({ code: "custom", message: `must be one of ${values.join(", ")}, got "${raw}"` });
      return z.NEVER;
    });
}

export const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"] as const;

/** An http(s) URL, or `off` (null), with a default; "" is the default too. */
function urlOrOff(fallback: string | null) {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      const raw = v?.trim();
      if (!raw) return fallback;
      if (raw === "off") return null;
      if (z.url({ protocol: /^https?$/ }).safeParse(raw).success) return raw;
      ctx.addIssue({ code: "custom", message: `must be an http(s) URL or off, got "${raw}"` });
      return z.NEVER;
    });
}

export const ENV_SCHEMA = {
  NODE_ENV: text,
  DATABASE_URL: text,
  AMM_DATA_DIR: text,
  ADMIN_TOKEN: text,
  CRON_SECRET: text,
  CONFIG_API_KEYS: list,
  SESSION_SECRET: text,
  SUPABASE_SERVICE_ROLE_KEY: text,
  ADMIN_EMAILS: list.transform((emails) => emails.map((e) => e.toLowerCase())),
  NEXT_PUBLIC_SUPABASE_URL: text,
  NEXT_PUBLIC_SUPABASE_ANON_KEY: text,
  TRUST_PROXY: flag,
  VERCEL: present,
  AMM_BENCH: flag,
  OPENAI_API_KEY: text,
  ANTHROPIC_API_KEY: text,
  GEMINI_API_KEY: text,
  GOOGLE_API_KEY: text,
  MISTRAL_API_KEY: text,
  OPENAI_BASE_URL: text,
  ANTHROPIC_BASE_URL: text,
  GEMINI_BASE_URL: text,
  MISTRAL_BASE_URL: text,
  DISCOVERY_TIMEOUT_MS: int(20_000, 100, 600_000),
  DISCOVERY_MAX_RETRIES: int(3, 0, 10),
  DISCOVERY_RETRY_MAX_DELAY_MS: int(30_000, 0, 600_000),
  DISCOVERY_PROVIDER_DEADLINE_MS: int(120_000, 1_000, 3_600_000),
  DISCOVERY_LEASE_MS: int(120_000, 100, 3_600_000),
  DATABASE_CONNECT_TIMEOUT_MS: int(1_500, 0, 600_000),
  DATABASE_STATEMENT_TIMEOUT_MS: int(1_500, 0, 3_600_000),
  // A discovery run writes its whole plan (20,000 models in one statement) in one transaction: a longer budget.
  DATABASE_RUN_WRITE_TIMEOUT_MS: int(30_000, 0, 3_600_000),
  AMM_SHUTDOWN_GRACE_MS: int(8_000, 0, 600_000),
  // How often an instance asks whether the registry version moved (CONTRACT §10).
  CONFIG_VERSION_CHECK_MS: int(1_000, 50, 60_000),
  // npm start answers the config read routes from a node:http front before Next; "off" sends them to Next too.
  AMM_FAST_PATH: oneOf(["on", "off"] as const, "on"),
  AMM_DIST_DIR: text,
  MODELS_DEV_URL: urlOrOff("https://models.dev/api.json"),
  LITELLM_MODEL_MAP_URL: urlOrOff(null),
  METADATA_TIMEOUT_MS: int(20_000, 100, 600_000),
  METADATA_MAX_BYTES: int(52_428_800, 1024, 1_073_741_824),
  LOG_LEVEL: oneOf(LOG_LEVELS, "info"),
  // Unset: "pretty" on a terminal outside production, else "json".
  LOG_FORMAT: oneOf(["json", "pretty"] as const, undefined),
  DISCOVERY_PROBE: z
    .string()
    .optional()
    .transform((v) => v?.trim() || "get")
    .pipe(z.enum(["off", "get", "call"], { message: 'must be "off", "get" or "call"' })),
  ALERT_WEBHOOK_URLS: urlList,
  ALERT_WEBHOOK_SECRET: z.string().optional().transform((v) => (v ? v : undefined)),
} as const;

export type EnvName = keyof typeof ENV_SCHEMA;
export type EnvValue<K extends EnvName> = z.output<(typeof ENV_SCHEMA)[K]>;

/** The whole schema as one object, for documentation and for checking a complete environment at once. */
export const envSchema = z.object(ENV_SCHEMA);
