import { DatabaseUnavailableError } from "../types";

// Node socket errors and postgres.js's own connection errors: the server is not there (or went away).
const CONNECTION_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EPIPE",
  "CONNECT_TIMEOUT", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED",
]);
// SQLSTATEs of a server that is shutting down, full, or cut a statement off at statement_timeout.
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300", "57014", "25P03"]);

/** Whether an error of a driver means the database cannot be reached, as opposed to a bad statement. */
export function isConnectionFailure(err: unknown): boolean {
  if (err instanceof DatabaseUnavailableError) return true;
  if (!(err instanceof Error)) return false;
  const code = String((err as { code?: unknown }).code ?? "");
  if (CONNECTION_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || code.startsWith("08")) return true;
  return err.message === "PGlite is closed";
}

/** Runs a driver call, turning a failure to reach the database into DatabaseUnavailableError (a 503). */
export async function unavailableOnFailure<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof DatabaseUnavailableError || !isConnectionFailure(err)) throw err;
    throw new DatabaseUnavailableError("The database is unavailable", { cause: err });
  }
}
