import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const MIN_SECRET_LENGTH = 16;

export const isProduction = () => process.env.NODE_ENV === "production";

/** Where development-only state lives (the generated admin token); beside the embedded database. */
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.AMM_DATA_DIR ?? ".data");
}

let devToken: string | undefined;

/**
 * ADMIN_TOKEN, or in development a token generated at first start, printed once and kept in the data dir.
 * In production a missing token is undefined here; checkProductionSecrets refuses to start before that.
 */
export function getAdminToken(): string | undefined {
  const fromEnv = process.env.ADMIN_TOKEN?.trim();
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
  return (process.env.CONFIG_API_KEYS ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean);
}

export function getCronSecret(): string | undefined {
  return process.env.CRON_SECRET?.trim() || undefined;
}

/** The start-up check of CONTRACT §1: in production, each problem names its variable. */
export function checkProductionSecrets(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.NODE_ENV !== "production") return [];
  const problems: string[] = [];
  for (const name of ["ADMIN_TOKEN", "CRON_SECRET"] as const) {
    const value = env[name]?.trim();
    if (!value) problems.push(`${name} is required in production`);
    else if (value.length < MIN_SECRET_LENGTH) problems.push(`${name} must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  return problems;
}
