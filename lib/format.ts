// Pure formatting for the admin console: every number, price, size, duration and date it shows.
// Dates are shown in UTC so the server and the browser render the same text.

const DASH = "—";

function isNum(n: number | null | undefined): n is number {
  return typeof n === "number" && Number.isFinite(n);
}

/** A price per million tokens: `$1.25`, `$0.075`, `$15.00`; `—` when unknown. */
export function formatPrice(perMtok: number | null | undefined): string {
  if (!isNum(perMtok)) return DASH;
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: 2,
    maximumFractionDigits: 4,
  }).format(perMtok);
}

function trimmed(n: number, digits: number): string {
  return String(Number(n.toFixed(digits)));
}

/**
 * A token count as people say it: `400K`, `128K`, `8K` (8192), `1M`, `1.05M` (1,048,576); `—` when unknown.
 * Below a million, powers of two count in 1024s (32768 is "32K"), others in 1000s.
 */
export function formatTokens(tokens: number | null | undefined): string {
  if (!isNum(tokens) || tokens < 0) return DASH;
  if (tokens >= 1_000_000) return `${trimmed(tokens / 1_000_000, 2)}M`;
  if (tokens >= 1000) {
    const powerOfTwo = (tokens & (tokens - 1)) === 0;
    const k = powerOfTwo ? tokens / 1024 : Math.round(tokens / 1000);
    return k >= 1000 ? `${trimmed(tokens / 1_000_000, 2)}M` : `${k}K`;
  }
  return String(tokens);
}

/** A whole count with thousands separators: `1,234`. */
export function formatCount(n: number | null | undefined): string {
  return isNum(n) ? new Intl.NumberFormat("en-US").format(n) : DASH;
}

/** A duration: `350 ms`, `1.2 s`, `2 min 5 s`; `—` when unknown. */
export function formatDuration(ms: number | null | undefined): string {
  if (!isNum(ms) || ms < 0) return DASH;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${trimmed(ms / 1000, 1)} s`;
  const totalSeconds = Math.round(ms / 1000);
  const min = Math.floor(totalSeconds / 60);
  const s = totalSeconds % 60;
  return s ? `${min} min ${s} s` : `${min} min`;
}

function toDate(d: Date | string | null | undefined): Date | null {
  if (d === null || d === undefined || d === "") return null;
  const date = d instanceof Date ? d : new Date(d);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A calendar date in UTC: `Nov 27, 2026`. A bare `YYYY-MM-DD` is that day. */
export function formatDate(d: Date | string | null | undefined): string {
  const date = toDate(d);
  if (!date) return DASH;
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

/**
 * A shutdown date in the right tense: `shut down on Aug 31, 2026` once the day has come (the provider
 * switches the model off that day), `shuts down on Oct 23, 2027` before; `—` when unknown.
 */
export function formatShutdown(shutdownDate: string | null | undefined, now: Date = new Date()): string {
  const date = toDate(shutdownDate);
  if (!date || !shutdownDate) return DASH;
  const past = shutdownDate.slice(0, 10) <= now.toISOString().slice(0, 10);
  return `${past ? "shut down" : "shuts down"} on ${formatDate(date)}`;
}

/** A moment in UTC: `Nov 27, 2026, 08:50 UTC`. */
export function formatDateTime(d: Date | string | null | undefined): string {
  const date = toDate(d);
  if (!date) return DASH;
  const text = new Intl.DateTimeFormat("en-US", {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: "UTC",
  }).format(date);
  return `${text} UTC`;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["week", 7 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** A moment relative to `now`: `just now`, `5 minutes ago`, `yesterday`, `in 4 days`, `2 months ago`. */
export function formatRelative(d: Date | string | null | undefined, now: Date = new Date()): string {
  const date = toDate(d);
  if (!date) return DASH;
  const diff = date.getTime() - now.getTime();
  if (Math.abs(diff) < 45_000) return "just now";
  const rtf = new Intl.RelativeTimeFormat("en-US", { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (Math.abs(diff) >= size || unit === "minute") return rtf.format(Math.round(diff / size), unit);
  }
  return DASH;
}

/** The schedule of the discovery cron (vercel.json): 03:00 UTC on the 1st of every month. */
export const DISCOVERY_CRON = "0 3 1 * *";

/**
 * The next time a cron of the form `<minute> <hour> <day-of-month> * *` fires after `now`, in UTC.
 * Other forms are not used by this app and throw.
 */
export function nextCronRun(cron: string, now: Date = new Date()): Date {
  const m = /^(\d{1,2}) (\d{1,2}) (\d{1,2}) \* \*$/.exec(cron.trim());
  if (!m) throw new Error(`Unsupported cron expression: ${cron}`);
  const [minute, hour, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let year = now.getUTCFullYear();
  let month = now.getUTCMonth();
  // A month without that day (the 31st in April) is skipped, as cron does.
  for (let i = 0; i < 24; i++) {
    const candidate = new Date(Date.UTC(year, month, day, hour, minute));
    if (candidate.getUTCDate() === day && candidate.getTime() > now.getTime()) return candidate;
    month += 1;
    if (month === 12) {
      month = 0;
      year += 1;
    }
  }
  throw new Error(`No run of ${cron} within two years`);
}
