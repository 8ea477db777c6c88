import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ENV_SCHEMA, type EnvName, type EnvValue } from "./env-schema";

export { envSchema, type EnvName } from "./env-schema";

export const MIN_SECRET_LENGTH = 16;

/** Environment variables as strings: process.env, or a plain object in tests and scripts. */
export type Env = Readonly<Record<string, string | undefined>>;

/** A setting with a value the app cannot use; the message names the variable. */
export class EnvError extends Error {
  constructor(readonly variable: string, detail: string) {
    super(`${variable} ${detail}`);
    this.name = "EnvError";
  }
}

// The last parse of each setting: the hot path reads keys and tokens on every request, and a value's parse
// depends on its text alone.
const parsedEnv = new Map<string, { raw: string | undefined; value: unknown }>();

// Set once a server has started: its environment no longer changes, so a setting read once is not read again
// (a process.env read costs about as much as the rest of a config answer's auth). On globalThis, so every
// route bundle's copy of this module sees it.
const frozen = globalThis as unknown as { __ammEnvFrozen?: boolean };

/** From now on each setting of process.env is read once (a server calls it at start; tests never do). */
export function freezeProcessEnv(): void {
  frozen.__ammEnvFrozen = true;
}

/** One setting, parsed by the app's one schema (lib/env-schema.ts); a bad value throws EnvError naming it. */
export function readEnv<K extends EnvName>(name: K, env: Env = process.env): EnvValue<K> {
  const settled = frozen.__ammEnvFrozen && env === process.env ? parsedEnv.get(name) : undefined;
  if (settled) return (Array.isArray(settled.value) ? [...settled.value] : settled.value) as EnvValue<K>;
  const raw = env[name];
  const hit = parsedEnv.get(name);
  if (hit && hit.raw === raw) return (Array.isArray(hit.value) ? [...hit.value] : hit.value) as EnvValue<K>;
  const parsed = ENV_SCHEMA[name].safeParse(raw);
  if (!parsed.success) throw new EnvError(name, parsed.error.issues[0]?.message ?? "is not valid");
  parsedEnv.set(name, { raw, value: parsed.data });
  return (Array.isArray(parsed.data) ? [...parsed.data] : parsed.data) as EnvValue<K>;
}

export const isProduction = (env: Env = process.env) => readEnv("NODE_ENV", env) === "production";

/** Where development-only state lives (the generated admin token); beside the embedded database. */
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ readEnv("AMM_DATA_DIR") ?? ".data");
}

let devToken: string | undefined;

/**
 * ADMIN_TOKEN, or in development a token generated at first start, printed once and kept in the data dir.
 * In production a missing token is undefined here; checkProductionSecrets refuses to start before that.
 */
export function getAdminToken(): string | undefined {
  const fromEnv = readEnv("ADMIN_TOKEN");
  if (fromEnv) return fromEnv;
  if (isProduction()) return undefined;
  if (devToken) return devToken;
  const file = path.join(dataDir(), "admin-token");
  try {
    devToken = fs.readFileSync(file, "utf8").trim() || undefined;
  } catch {
    devToken = undefined;
  }
  if (!devToken) {
    devToken = randomBytes(24).toString("base64url");
    fs.mkdirSync(dataDir(), { recursive: true });
    fs.writeFileSync(file, devToken + "\n", { mode: 0o600 });
    // Printed once, at creation, so the developer can sign in; never logged again.
    console.log(`\n  ADMIN_TOKEN was not set: generated one for development and saved it in ${file}\n  ${devToken}\n`);
  }
  return devToken;
}

/** Bearer keys that services use to read the config API. */
export function getConfigApiKeys(): string[] {
  return readEnv("CONFIG_API_KEYS");
}

export function getCronSecret(): string | undefined {
  return readEnv("CRON_SECRET");
}

/** The start-up check of CONTRACT §1: in production, each problem names its variable. */
export function checkProductionSecrets(env: Env = process.env): string[] {
  if (!isProduction(env)) return [];
  const problems: string[] = [];
  for (const name of ["ADMIN_TOKEN", "CRON_SECRET"] as const) {
    const value = readEnv(name, env);
    if (!value) problems.push(`${name} is required in production`);
    else if (value.length < MIN_SECRET_LENGTH) problems.push(`${name} must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  return problems;
}
