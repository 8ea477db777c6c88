import fs from "node:fs";
import path from "node:path";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { copyText } from "../copy-text";
import { normalizeParams, type Db } from "../types";
import { unavailableOnFailure } from "./unavailable";
import { acquireDirLock, releaseDirLock } from "./pglite-lock";

type Queryable = Pick<PGlite, "query" | "exec"> | Transaction;

// PGlite's 128 MB of shared buffers are resident for good once touched; a registry of 20,000 models reads fine
// through 32 MB (the rest comes from the OS page cache), which keeps npm start's memory small (16 MB halved write speed).
const SETTINGS = { postgresqlconf: ["shared_buffers=32MB"] };

function wrap(conn: Queryable, inTransaction: boolean, root: PGlite, onClose: () => Promise<void>): Db {
  const db: Db = {
    kind: "pglite",
    async query<T>(text: string, params?: readonly unknown[]) {
      const res = await unavailableOnFailure(() => conn.query<T>(text, normalizeParams(params)));
      return res.rows;
    },
    async copyIn(target, rows) {
      if (rows.length === 0) return 0;
      // PGlite reads COPY's input from the /dev/blob device, given as the query's blob.
      const res = await unavailableOnFailure(() => conn.query(`copy ${target} from '/dev/blob'`, [], { blob: new Blob([copyText(rows)]) }));
      return res.affectedRows ?? rows.length;
    },
    async exec(script: string) {
      await unavailableOnFailure(() => conn.exec(script));
    },
    // No statement timeout on PGlite: a transaction's budget (TransactionOptions) has nothing to lift.
    async transaction<T>(fn: (tx: Db) => Promise<T>) {
      if (inTransaction) return fn(db);
      return unavailableOnFailure(() => root.transaction((tx) => fn(wrap(tx, true, root, onClose))));
    },
    close: onClose,
  };
  return db;
}

/** Opens PGlite in memory ("memory") or in a directory that this process then owns alone. */
export async function openPglite(location: string): Promise<Db> {
  if (location === "memory") {
    const pg = new PGlite(SETTINGS);
    await pg.waitReady;
    return wrap(pg, false, pg, () => pg.close());
  }
  const dir = path.resolve(/*turbopackIgnore: true*/ location);
  fs.mkdirSync(dir, { recursive: true });
  acquireDirLock(dir);
  try {
    const pg = new PGlite(dir, SETTINGS);
    await pg.waitReady;
    return wrap(pg, false, pg, async () => {
      await pg.close();
      releaseDirLock(dir);
    });
  } catch (err) {
    releaseDirLock(dir);
    throw err;
  }
}
