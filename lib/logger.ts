import pino, { type Level, type Logger } from "pino";
import { readEnv } from "@/lib/env";
import { formatLogLine } from "@/lib/log-format";
import { redact } from "@/lib/redact";
import { currentRequest } from "@/lib/request-context";

type ConsoleMethod = "log" | "warn" | "error";
type LevelOrSilent = Level | "silent";

// A malformed LOG_* value must not stop logging: its default holds and the logger's first line says so.
const problems: string[] = [];
function setting<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch (err) {
    problems.push(err instanceof Error ? err.message : String(err));
    return fallback;
  }
}

/** "pretty" on a developer's terminal, JSON wherever a machine reads the output. */
export function logFormat(): "json" | "pretty" {
  const chosen = setting(() => readEnv("LOG_FORMAT"), undefined);
  if (chosen) return chosen;
  const production = setting(() => readEnv("NODE_ENV"), undefined) === "production";
  return !production && process.stdout.isTTY ? "pretty" : "json";
}

/**
 * A pino stream that hands each finished line, redacted, to a console method: errors reach stderr and
 * everything else stdout, and whatever captures the console (Next's dev overlay, tests) sees them.
 */
function consoleStream(method: ConsoleMethod, pretty: boolean) {
  return {
    write(line: string) {
      const clean = redact(line.trimEnd());
      console[method](pretty ? formatLogLine(clean, { color: true }) : clean);
    },
  };
}

function createLogger(): Logger {
  problems.length = 0;
  const pretty = logFormat() === "pretty";
  const streams = pino.multistream(
    [
      { level: "trace", stream: consoleStream("log", pretty) },
      { level: "warn", stream: consoleStream("warn", pretty) },
      { level: "error", stream: consoleStream("error", pretty) },
    ],
    { dedupe: true }, // each line goes to the one stream of the highest level it reaches
  );
  const log = pino(
    {
      level: setting(() => readEnv("LOG_LEVEL"), "info") as LevelOrSilent,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const ctx = currentRequest();
        return ctx ? { request_id: ctx.requestId } : {};
      },
      // Objects logged by mistake lose their credentials by path too, before the line-wide redaction.
      redact: { paths: ["authorization", "*.authorization", "headers.cookie", "*.headers.cookie", "password", "secret", "token"], censor: "[redacted]" },
    },
    streams,
  );
  for (const p of problems) log.warn(`${p}; using its default`);
  return log;
}

// On globalThis so every route bundle writes through one logger.
const holder = globalThis as unknown as { __ammLogger?: Logger };

/** The process-wide pino logger (LOG_LEVEL, LOG_FORMAT). */
export function logger(): Logger {
  holder.__ammLogger ??= createLogger();
  return holder.__ammLogger;
}

/** Drops the logger so the next line reads LOG_LEVEL and LOG_FORMAT again (tests). */
export function resetLogger(): void {
  holder.__ammLogger = undefined;
}
