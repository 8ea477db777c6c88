import postgres from "postgres";
import { normalizeParams, type Db } from "../types";
import { unavailableOnFailure } from "./unavailable";

type Sql = postgres.Sql | postgres.TransactionSql;

function wrap(sql: Sql, root: postgres.Sql, inTransaction: boolean): Db {
  const db: Db = {
    kind: "postgres",
    async query<T>(text: string, params?: readonly unknown[]) {
      const rows = await unavailableOnFailure(() => sql.unsafe(text, normalizeParams(params) as postgres.ParameterOrJSON<never>[]));
      return [...rows] as T[];
    },
    async exec(script: string) {
      await unavailableOnFailure(() => sql.unsafe(script));
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>) {
      if (inTransaction) return fn(db);
      return unavailableOnFailure(() => root.begin((tx) => fn(wrap(tx, root, true))) as Promise<T>);
    },
    close: () => root.end({ timeout: 5 }),
  };
  return db;
}

/** Opens a postgres.js pool; prepare:false keeps Supabase's transaction pooler (port 6543) working. */
export function openPostgres(url: string, options: { max?: number } = {}): Db {
  const sql = postgres(url, {
    prepare: false,
    max: options.max ?? 10,
    idle_timeout: 20,
    connect_timeout: 10,
    onnotice: () => {},
    // Repositories send JSON as text for ::jsonb; the default serializer would encode it a second time.
    types: {
      json: {
        to: 3802,
        from: [114, 3802],
        serialize: (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v)),
        parse: (v: string) => JSON.parse(v),
      },
    },
  });
  return wrap(sql, sql, false);
}
