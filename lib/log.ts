import { logger } from "@/lib/logger";
import { redact } from "@/lib/redact";

export { redact } from "@/lib/redact";

/** Extra fields of a log line (plain values; they are redacted with the whole line). */
export type LogFields = Record<string, unknown>;

function describe(err: unknown): string {
  if (err instanceof Error) {
    const cause = err.cause ? ` (cause: ${describe(err.cause)})` : "";
    return `${err.name}: ${err.message}${cause}`;
  }
  return String(err);
}

/** One JSON line at level error; the cause chain joins the message, and nothing of it escapes redaction. */
export function logError(message: string, err?: unknown, fields: LogFields = {}): void {
  logger().error(fields, redact(err === undefined ? message : `${message}: ${describe(err)}`));
}

export function logWarn(message: string, fields: LogFields = {}): void {
  logger().warn(fields, redact(message));
}

export function logInfo(message: string, fields: LogFields = {}): void {
  logger().info(fields, redact(message));
}

/** Below the default LOG_LEVEL (info): per-request lines, seen only with LOG_LEVEL=debug. */
export function logDebug(message: string, fields: LogFields = {}): void {
  const log = logger();
  if (log.isLevelEnabled("debug")) log.debug(fields, redact(message));
}

/** Whether a debug line would be written: the hot path builds one only then. */
export function debugEnabled(): boolean {
  return logger().isLevelEnabled("debug");
}
