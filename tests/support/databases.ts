import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { openPglite } from "@/lib/db/drivers/pglite";
import { openPostgres } from "@/lib/db/drivers/postgres";
import { migrate } from "@/lib/db/migrate";
import { seedFromCatalog } from "@/lib/db/seed";
import type { Db } from "@/lib/db/types";

/** Every repository and migration test runs once per driver. */
export const DRIVERS = ["pglite", "postgres"] as const;
export type Driver = (typeof DRIVERS)[number];

export interface TestDatabase {
  db: Db;
  /** DATABASE_URL of this database (pglite://memory cannot be shared, so it is undefined there). */
  url?: string;
  close(): Promise<void>;
}

/** A fresh, empty database on the given driver (a new database in the run's PostgreSQL server). */
export async function createEmptyDb(driver: Driver): Promise<TestDatabase> {
  if (driver === "pglite") {
    const db = await openPglite("memory");
    return { db, close: () => db.close() };
  }
  const adminUrl = inject("pgUrl");
  const name = `amm_${randomBytes(6).toString("hex")}`;
  const admin = openPostgres(adminUrl, { max: 1 });
  await admin.exec(`create database ${name}`);
  await admin.close();
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  const db = openPostgres(url);
  return { db, url, close: () => db.close() };
}

/** A fresh database with every migration applied and, unless told otherwise, the catalog seeded. */
export async function createTestDb(driver: Driver, options: { seed?: boolean } = {}): Promise<TestDatabase> {
  const t = await createEmptyDb(driver);
  await migrate(t.db);
  if (options.seed ?? true) await seedFromCatalog(t.db);
  return t;
}
