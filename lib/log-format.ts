// The compact, human line a developer reads on a terminal; machines get the JSON line unchanged.

const COLORS: Record<string, string> = { trace: "90", debug: "90", info: "36", warn: "33", error: "31", fatal: "35" };
const HIDDEN = new Set(["level", "time", "msg", "pid", "hostname"]);

function field(key: string, value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return `${key}=${/\s/.test(text) ? JSON.stringify(text) : text}`;
}

/** One JSON log line as "12:00:01.234 INFO  message key=value …" (colored when asked); non-JSON passes through. */
export function formatLogLine(line: string, options: { color?: boolean } = {}): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line.trimEnd();
  }
  const level = String(entry.level ?? "info");
  const time = typeof entry.time === "string" ? entry.time.slice(11, 23) : "";
  const label = level.toUpperCase().padEnd(5);
  const shown = options.color && COLORS[level] ? `\u001b[${COLORS[level]}m${label}\u001b[0m` : label;
  const rest = Object.entries(entry)
    .filter(([k]) => !HIDDEN.has(k))
    .map(([k, v]) => field(k, v));
  return [time, shown, String(entry.msg ?? ""), ...rest].filter(Boolean).join(" ");
}
