import fs from "node:fs";
import path from "node:path";
import { toTextArray } from "./params";
import type { Db } from "./types";

export const MIGRATIONS_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "supabase", "migrations");

export interface MigrationFile {
  version: string;
  name: string;
  sql: string;
}

/** The migration files in order; names follow the Supabase CLI: <timestamp>_<name>.sql. */
export function readMigrations(dir: string = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .map((file) => /^(\d{14})_(.+)\.sql$/.exec(file))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => a[1].localeCompare(b[1]))
    .map((m) => ({ version: m[1], name: m[2], sql: fs.readFileSync(path.join(dir, m[0]), "utf8") }));
}

// The same table the Supabase CLI keeps, so `supabase db push` and this migrator agree on what ran.
const HISTORY_DDL = `
create schema if not exists supabase_migrations;
create table if not exists supabase_migrations.schema_migrations (
  version text not null primary key,
  statements text[],
  name text
);`;

/** Applies every migration not yet recorded, each in its own transaction; returns the versions applied. */
export async function migrate(db: Db, dir?: string): Promise<string[]> {
  await db.exec(HISTORY_DDL);
  const applied: string[] = [];
  for (const file of readMigrations(dir)) {
    const done = await db.transaction(async (tx) => {
      // Serialises concurrent migrators on PostgreSQL; a no-op cost on PGlite.
      await tx.query("select pg_advisory_xact_lock(hashtext('amm.migrate'))");
      const rows = await tx.query("select 1 from supabase_migrations.schema_migrations where version = $1", [file.version]);
      if (rows.length > 0) return false;
      await tx.exec(file.sql);
      await tx.query(
        "insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3::text[])",
        [file.version, file.name, toTextArray([file.sql])],
      );
      return true;
    });
    if (done) applied.push(file.version);
  }
  return applied;
}
