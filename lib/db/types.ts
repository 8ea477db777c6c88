import type { CopyValue } from "./copy-text";

/** The one handle every repository takes: a pool or an open transaction, on either driver. */
export interface Db {
  readonly kind: "pglite" | "postgres";
  /** One parameterised statement ($1, $2 …); rows come back as plain objects. */
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /**
   * COPY … FROM STDIN (text format) of `rows` into `target`, "table (column, …)", each row's values in that order;
   * answers the rows copied. A bulk write of thousands of rows: no statement parameter to encode and parse.
   */
  copyIn(target: string, rows: readonly (readonly CopyValue[])[]): Promise<number>;
  /** A script of several statements without parameters (migrations only). */
  exec(script: string): Promise<void>;
  /** Runs fn in one transaction; inside a transaction it joins the open one (and its budget). */
  transaction<T>(fn: (tx: Db) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}

export interface TransactionOptions {
  /** Each statement's time limit in this transaction (ms, 0 for none) instead of DATABASE_STATEMENT_TIMEOUT_MS; PostgreSQL only. */
  statementTimeoutMs?: number;
}

/** Typed failure to reach or open the database, mapped to 503 by the API layer. */
export class DatabaseUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DatabaseUnavailableError";
  }
}

/** Drivers reject undefined; callers may pass optional fields straight through. */
export function normalizeParams(params: readonly unknown[] = []): unknown[] {
  return params.map((p) => (p === undefined ? null : p));
}
