import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DatabaseUnavailableError, describeDatabaseUrl, openDb, parseDatabaseUrl } from "./client";
import { createEmptyDb } from "@/tests/support/databases";
import { migrate } from "./migrate";
import { listDefaults } from "./models-repo";

describe("parseDatabaseUrl", () => {
  it.each([
    [undefined, { driver: "pglite", location: "./.data/pglite" }],
    ["", { driver: "pglite", location: "./.data/pglite" }],
    ["pglite://memory", { driver: "pglite", location: "memory" }],
    ["pglite:///var/lib/amm", { driver: "pglite", location: "/var/lib/amm" }],
    ["postgres://u:p@h:6543/db", { driver: "postgres", url: "postgres://u:p@h:6543/db" }],
    ["postgresql://h/db", { driver: "postgres", url: "postgresql://h/db" }],
  ])("reads %j", (raw, want) => {
    expect(parseDatabaseUrl(raw)).toEqual(want);
  });

  it("rejects other schemes with a message naming DATABASE_URL", () => {
    expect(() => parseDatabaseUrl("mysql://x")).toThrow(/DATABASE_URL/);
  });
});

describe("the embedded database on disk", () => {
  it("is migrated and seeded on open, and refuses a second opener while the first holds it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "amm-pglite-"));
    const url = `pglite://${dir}/db`;
    const db = await openDb(url);
    try {
      expect((await listDefaults(db)).length).toBe(8);
      // A stale lock of a dead process is taken over, but a live owner is respected.
      fs.writeFileSync(path.join(dir, "db", "amm.lock"), "1"); // pid 1 is alive in any container
      await expect(openDb(url)).rejects.toThrow(DatabaseUnavailableError);
      await expect(openDb(url)).rejects.toThrow(/open in another process/);
      fs.writeFileSync(path.join(dir, "db", "amm.lock"), String(process.pid));
    } finally {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("describeDatabaseUrl", () => {
  it("shows where the database is, never the password", () => {
    expect(describeDatabaseUrl("postgres://app:s3cret@db.example.com:6543/postgres")).toBe(
      "PostgreSQL at db.example.com:6543/postgres",
    );
    expect(describeDatabaseUrl(undefined)).toBe("embedded PGlite at ./.data/pglite");
  });
});

describe("opening a PostgreSQL database", () => {
  it("leaves an unmigrated database alone, and seeds an empty registry migrated by another tool", async () => {
    const empty = await createEmptyDb("postgres");
    try {
      const fresh = await openDb(empty.url);
      expect(await fresh.query("select to_regclass('public.ai_model_configs') as t")).toEqual([{ t: null }]);
      await migrate(fresh); // as `supabase db push` would: schema only, no rows
      await fresh.close();
      const db = await openDb(empty.url);
      try {
        expect((await listDefaults(db)).length).toBe(8);
      } finally {
        await db.close();
      }
    } finally {
      await empty.close();
    }
  });
});
