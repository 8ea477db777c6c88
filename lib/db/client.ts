import { readEnv } from "@/lib/env";
import { DatabaseUnavailableError, type Db } from "./types";

export type { Db } from "./types";
export { DatabaseUnavailableError } from "./types";

export const DEFAULT_DATABASE_URL = "pglite://./.data/pglite";

export type DatabaseTarget =
  | { driver: "pglite"; location: string } // "memory" or a directory
  | { driver: "postgres"; url: string };

/** Reads DATABASE_URL: pglite://memory, pglite://<dir> or postgres(ql)://… */
export function parseDatabaseUrl(raw: string | undefined): DatabaseTarget {
  const url = (raw ?? "").trim() || DEFAULT_DATABASE_URL;
  if (url.startsWith("pglite://")) {
    const location = url.slice("pglite://".length);
    if (!location) throw new DatabaseUnavailableError("DATABASE_URL pglite:// needs a directory or 'memory'");
    return { driver: "pglite", location };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { driver: "postgres", url };
  throw new DatabaseUnavailableError("DATABASE_URL must start with postgres://, postgresql:// or pglite://");
}

/** Opens a database; the embedded one is migrated and seeded on open, so it works with zero set-up. */
export async function openDb(raw: string | undefined, options: { migrate?: boolean } = {}): Promise<Db> {
  const target = parseDatabaseUrl(raw);
  let db: Db;
  try {
    if (target.driver === "pglite") {
      const { openPglite } = await import("./drivers/pglite");
      db = await openPglite(target.location);
    } else {
      const { openPostgres } = await import("./drivers/postgres");
      db = openPostgres(target.url);
    }
  } catch (err) {
    if (err instanceof DatabaseUnavailableError) throw err;
    throw new DatabaseUnavailableError("Could not open the database", { cause: err });
  }
  if (options.migrate ?? target.driver === "pglite") {
    const { migrate } = await import("./migrate");
    const { seedFromCatalog } = await import("./seed");
    await migrate(db);
    await seedFromCatalog(db);
    if (target.driver === "pglite") {
      const { failOrphanRuns } = await import("./orphan-runs");
      await failOrphanRuns(db);
    }
  } else {
    // A registry migrated by the Supabase CLI starts empty: seed it, so the config API answers before any run.
    const { seedIfMigrated } = await import("./seed");
    await seedIfMigrated(db);
  }
  return db;
}

/** DATABASE_URL for people to read: driver and place, never the credentials. */
export function describeDatabaseUrl(raw: string | undefined): string {
  const target = parseDatabaseUrl(raw);
  if (target.driver === "pglite") return `embedded PGlite at ${target.location}`;
  const url = new URL(target.url);
  return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ""}${url.pathname}`;
}

const holder = globalThis as unknown as { __ammDb?: Promise<Db> };

/** The process-wide database of DATABASE_URL (kept on globalThis so dev reloads reuse it). */
export function getDb(): Promise<Db> {
  if (!holder.__ammDb) {
    holder.__ammDb = openDb(readEnv("DATABASE_URL")).catch((err) => {
      holder.__ammDb = undefined; // let the next request try again
      throw err;
    });
  }
  return holder.__ammDb;
}

/** Replaces the process-wide handle (tests, scripts). */
export function setDb(db: Db | undefined): void {
  holder.__ammDb = db ? Promise.resolve(db) : undefined;
}
