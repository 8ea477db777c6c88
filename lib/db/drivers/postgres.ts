import postgres from "postgres";
import { DatabaseUnavailableError, normalizeParams, type Db, type TransactionOptions } from "../types";
import { poolTimeouts, withDeadline } from "./deadline";
import { unavailableOnFailure } from "./unavailable";

type Sql = postgres.Sql | postgres.TransactionSql;

// Past the server's statement_timeout, so a slow statement is the server's error and only a silent host is ours.
const clientDeadline = (statementMs: number) => (statementMs > 0 ? statementMs + 300 : 0);

function wrap(sql: Sql, root: postgres.Sql, inTransaction: boolean, deadlineMs: number): Db {
  const db: Db = {
    kind: "postgres",
    async query<T>(text: string, params?: readonly unknown[]) {
      const pending = sql.unsafe(text, normalizeParams(params) as postgres.ParameterOrJSON<never>[]);
      const rows = await unavailableOnFailure(() => withDeadline(pending, deadlineMs, "a query", () => pending.cancel()));
      return [...rows] as T[];
    },
    async exec(script: string) {
      await unavailableOnFailure(() => sql.unsafe(script));
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>, options?: TransactionOptions) {
      if (inTransaction) return fn(db);
      return unavailableOnFailure(() => transaction(root, fn, deadlineMs, options?.statementTimeoutMs));
    },
    close: () => root.end({ timeout: 5 }),
  };
  return db;
}

/** The transaction's handle; a budget of its own is its statement_timeout (until it ends) and its client deadline. */
async function openTransaction(tx: postgres.TransactionSql, root: postgres.Sql, deadlineMs: number, statementMs?: number): Promise<Db> {
  if (statementMs === undefined) return wrap(tx, root, true, deadlineMs);
  await wrap(tx, root, true, deadlineMs).query("select set_config('statement_timeout', $1, true)", [String(statementMs)]);
  return wrap(tx, root, true, clientDeadline(statementMs));
}

/**
 * One transaction that gives up as soon as a statement finds the database gone, or BEGIN takes past the
 * deadline: waiting for postgres.js's ROLLBACK on a silent connection would hang the route.
 */
function transaction<T>(root: postgres.Sql, fn: (tx: Db) => Promise<T>, deadlineMs: number, statementMs?: number): Promise<T> {
  let started = false;
  let abort: (err: unknown) => void = () => {};
  const aborted = new Promise<never>((_, reject) => (abort = reject));
  const work = root.begin(async (tx) => {
    started = true;
    try {
      return await fn(await openTransaction(tx, root, deadlineMs, statementMs));
    } catch (err) {
      if (err instanceof DatabaseUnavailableError) abort(err);
      throw err;
    }
  }) as Promise<T>;
  const begun = withDeadline(work, deadlineMs, "BEGIN").catch((err: unknown) => {
    if (started && err instanceof DatabaseUnavailableError && /BEGIN/.test(err.message)) return work;
    throw err;
  });
  return Promise.race([begun, aborted]);
}

/** Opens a postgres.js pool; prepare:false keeps Supabase's transaction pooler (port 6543) working. */
export function openPostgres(url: string, options: { max?: number } = {}): Db {
  const timeouts = poolTimeouts();
  const sql = postgres(url, {
    prepare: false,
    max: options.max ?? 10,
    idle_timeout: 20,
    connect_timeout: timeouts.connectMs / 1000,
    // The default backoff grows to 20 s between reconnects, which a route would wait out: keep it short.
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 0.25),
    ...(timeouts.statementMs > 0 ? { connection: { statement_timeout: timeouts.statementMs } } : {}),
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
  return wrap(sql, sql, false, clientDeadline(timeouts.statementMs));
}
