import { readEnv, type Env } from "@/lib/env";
import { DatabaseUnavailableError } from "../types";

/** Timeouts of the postgres.js pool, read from the environment (milliseconds; 0 turns one off). */
export interface PoolTimeouts {
  connectMs: number;
  statementMs: number;
}

/** DATABASE_CONNECT_TIMEOUT_MS and DATABASE_STATEMENT_TIMEOUT_MS (lib/env-schema.ts); short, so a dead database fails a route in under 2 s. */
export function poolTimeouts(env: Env = process.env): PoolTimeouts {
  return {
    connectMs: readEnv("DATABASE_CONNECT_TIMEOUT_MS", env) || 1500,
    statementMs: readEnv("DATABASE_STATEMENT_TIMEOUT_MS", env),
  };
}

/** DATABASE_RUN_WRITE_TIMEOUT_MS: each statement's limit in a discovery run's write transaction (thousands of rows in one statement). */
export function runWriteTimeoutMs(env: Env = process.env): number {
  return readEnv("DATABASE_RUN_WRITE_TIMEOUT_MS", env);
}

/**
 * Settles like `work`, unless `ms` pass first: then `onTimeout` runs and the answer is DatabaseUnavailableError.
 * The server's statement_timeout cannot help when the host itself stopped answering; this can.
 */
export function withDeadline<T>(work: Promise<T>, ms: number, what: string, onTimeout?: () => void): Promise<T> {
  if (ms <= 0) return work;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout?.();
      reject(new DatabaseUnavailableError(`The database did not answer ${what} within ${ms} ms`));
    }, ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}
