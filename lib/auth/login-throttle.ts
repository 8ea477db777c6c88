// Slows down password guessing at the built-in sign-in. The state is in memory, per server process:
// enough for one `next start` or a warm serverless instance; a multi-instance deployment gets one
// budget per instance (use Supabase Auth there, which has its own rate limits).

export interface ThrottleOptions {
  /** Failures remembered for this long. */
  windowMs: number;
  /** Failures of one client within the window before it gets 429. */
  maxPerClient: number;
  /** Failures of all clients together within the window before everyone gets 429. */
  maxGlobal: number;
  /** Delay after the first failure; doubles with each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = {
  windowMs: 15 * 60 * 1000,
  maxPerClient: 5,
  maxGlobal: 100,
  baseDelayMs: 250,
  maxDelayMs: 4000,
};

export type ThrottleDecision =
  | { allowed: true; delayMs: number }
  | { allowed: false; retryAfterSeconds: number };

/** Failure counts per client and overall, in a sliding window. */
export class LoginThrottle {
  private readonly perClient = new Map<string, number[]>();
  private global: number[] = [];

  constructor(private readonly options: ThrottleOptions = DEFAULT_THROTTLE) {}

  private recent(times: number[] | undefined, now: number): number[] {
    return (times ?? []).filter((t) => now - t < this.options.windowMs);
  }

  /**
   * Whether an attempt from `client` may be checked now, and how long to wait before answering it
   * (0 with no recent failures, then base·2^(n-1) up to the maximum).
   */
  check(client: string, now = Date.now()): ThrottleDecision {
    const mine = this.recent(this.perClient.get(client), now);
    this.global = this.recent(this.global, now);
    const blockedBy =
      mine.length >= this.options.maxPerClient ? mine : this.global.length >= this.options.maxGlobal ? this.global : undefined;
    if (blockedBy) {
      // Allowed again when the oldest counted failure leaves the window.
      const limit = blockedBy === mine ? this.options.maxPerClient : this.options.maxGlobal;
      const oldest = blockedBy[blockedBy.length - limit];
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.options.windowMs - now) / 1000)) };
    }
    const delayMs = mine.length === 0 ? 0 : Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (mine.length - 1));
    return { allowed: true, delayMs };
  }

  recordFailure(client: string, now = Date.now()): void {
    const mine = this.recent(this.perClient.get(client), now);
    mine.push(now);
    this.perClient.set(client, mine);
    this.global = this.recent(this.global, now);
    this.global.push(now);
    // Bounded memory: forget clients whose failures have all expired.
    if (this.perClient.size > 10_000) {
      for (const [k, v] of this.perClient) if (this.recent(v, now).length === 0) this.perClient.delete(k);
    }
  }

  /**
   * A right password clears that client's failures, and takes back the one attempt recorded at `at`
   * from the global count (attempts are recorded before the check, see login.ts).
   */
  recordSuccess(client: string, at?: number): void {
    this.perClient.delete(client);
    if (at !== undefined) {
      const i = this.global.lastIndexOf(at);
      if (i >= 0) this.global.splice(i, 1);
    }
  }
}

/** The client address for throttling: the first X-Forwarded-For hop (set by Vercel and most proxies), else X-Real-IP. */
export function clientAddress(req: Request): string {
  const forwarded = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || req.headers.get("x-real-ip")?.trim() || "unknown";
}
