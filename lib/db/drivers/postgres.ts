import { once } from "node:events";
import postgres from "postgres";
import { copyText, type CopyValue } from "../copy-text";
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
    async copyIn(target, rows) {
      if (rows.length === 0) return 0;
      let query: { cancel(): void } | undefined;
      const work = copyRows(sql, target, rows, (q) => (query = q));
      await unavailableOnFailure(() => withDeadline(work, deadlineMs, "a COPY", () => query?.cancel()));
      return rows.length;
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

// Rows per write to the COPY stream: a few hundred kilobytes each, so a large copy does not build one huge string.
const COPY_CHUNK = 1_000;

/**
 * COPY … FROM STDIN through postgres.js's writable. postgres.js 3.4.9 loses a server error that arrives after the
 * data ended (porsager/postgres#1173: the writable never finishes), which is when a constraint fails on the last
 * rows; the query object is still rejected with it, so the copy listens there as well as on the stream.
 */
async function copyRows(sql: Sql, target: string, rows: readonly (readonly CopyValue[])[], started: (q: { cancel(): void }) => void): Promise<void> {
  const query = sql.unsafe(`copy ${target} from stdin`);
  started(query);
  let failed: (err: unknown) => void = () => {};
  const serverError = new Promise<never>((_, reject) => (failed = reject));
  serverError.catch(() => {});
  const hook = query as unknown as { reject?: (err: unknown) => void };
  const reject = hook.reject;
  if (typeof reject === "function") hook.reject = (err) => (failed(err), reject(err));
  const stream = await query.writable();
  const finished = new Promise<void>((resolve, rejectFinish) => {
    stream.on("finish", resolve);
    stream.on("error", rejectFinish);
  });
  finished.catch(() => {});
  for (let i = 0; i < rows.length; i += COPY_CHUNK) {
    if (!stream.write(copyText(rows.slice(i, i + COPY_CHUNK)))) await Promise.race([once(stream, "drain"), finished, serverError]);
  }
  stream.end();
  await Promise.race([finished, serverError]);
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
