// Slows down password guessing at the built-in sign-in. The state is in memory, per server process:
// enough for one `next start` or a warm serverless instance; a multi-instance deployment gets one
// budget per instance (use Supabase Auth there, which has its own rate limits).
//
// Design (docs/auth.md, "Throttling"): every attempt is *paced*: it is checked no earlier than the time
// its client's bucket and the global bucket allow, and each failure pushes that time further (a growing,
// capped delay). Parallel guesses therefore queue instead of running side by side. A hard 429 for the
// whole window applies only to a *trusted* client id (an address a known proxy vouches for): an
// attacker can lock out their own address, never the admin's. Untrusted requests share one bucket
// that is only ever paced, so guessing stays slow and the admin can still sign in.
import { readEnv } from "@/lib/env";

/** Who an attempt is counted against. `trusted` ids come from a known proxy (see clientIdentity). */
export interface ThrottleClient {
  id: string;
  trusted: boolean;
}

export interface ThrottleOptions {
  /** Failures remembered for this long. */
  windowMs: number;
  /** Failures of one trusted client within the window before it gets 429 for the rest of the window. */
  maxPerClient: number;
  /** Failures of all clients together within the window before every attempt is also globally paced. */
  maxGlobal: number;
  /** Pause after the first failure; doubles with each further one. */
  baseDelayMs: number;
  /** Longest pause between two attempts of one bucket; also the longest an attempt waits in the queue. */
  maxDelayMs: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = {
  windowMs: 15 * 60 * 1000,
  maxPerClient: 5,
  maxGlobal: 100,
  baseDelayMs: 250,
  maxDelayMs: 4000,
};

/** The id every request shares when no trusted proxy names the client. */
export const SHARED_CLIENT: ThrottleClient = { id: "untrusted", trusted: false };

export type ThrottleDecision =
  | { allowed: true; waitMs: number; at: number }
  | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  failures: number[];
  /** Earliest time the next attempt of this bucket may be checked. */
  nextAt: number;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Failure counts and pacing per client and overall, in a sliding window. */
export class LoginThrottle {
  private readonly perClient = new Map<string, Bucket>();
  private readonly global: Bucket = { failures: [], nextAt: 0 };

  constructor(private readonly options: ThrottleOptions = DEFAULT_THROTTLE) {}

  private prune(bucket: Bucket, now: number): Bucket {
    bucket.failures = bucket.failures.filter((t) => now - t < this.options.windowMs);
    return bucket;
  }

  private clientBucket(id: string, now: number): Bucket {
    const bucket = this.perClient.get(id) ?? { failures: [], nextAt: 0 };
    this.perClient.set(id, bucket);
    return this.prune(bucket, now);
  }

  /** The pause after the n-th failure of a bucket: 0, then base·2^(n-1), at most maxDelayMs. */
  private delay(n: number): number {
    return n <= 0 ? 0 : Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (n - 1));
  }

  /**
   * Admits an attempt from `client` or refuses it. An admitted attempt is counted as a failure at once
   * (taken back by recordSuccess) and gets a slot `waitMs` from now, which it must wait for before the
   * password is checked. Refused: a trusted client over its budget (until its oldest failure leaves the
   * window), or a queue longer than maxDelayMs (a few seconds).
   */
  admit(client: ThrottleClient, now = Date.now()): ThrottleDecision {
    const mine = this.clientBucket(client.id, now);
    const global = this.prune(this.global, now);
    if (client.trusted && mine.failures.length >= this.options.maxPerClient) {
      const oldest = mine.failures[mine.failures.length - this.options.maxPerClient];
      return { allowed: false, retryAfterSeconds: seconds(oldest + this.options.windowMs - now) };
    }
    const slot = Math.max(now, mine.nextAt, global.nextAt);
    if (slot - now > this.options.maxDelayMs) return { allowed: false, retryAfterSeconds: seconds(slot - now) };
    mine.failures.push(now);
    global.failures.push(now);
    mine.nextAt = slot + this.delay(mine.failures.length);
    // Below maxGlobal the global bucket does not pace (one client's queue must not hold up others);
    // from there on it paces every attempt like one more client.
    const overGlobal = global.failures.length - this.options.maxGlobal + 1;
    if (overGlobal > 0) global.nextAt = slot + this.delay(overGlobal);
    this.forgetIdleClients(now);
    return { allowed: true, waitMs: slot - now, at: now };
  }

  /**
   * A right password clears that client's failures and pacing, and takes back the failure that
   * admit() recorded at `at` from the global count.
   */
  recordSuccess(client: ThrottleClient, at?: number): void {
    this.perClient.delete(client.id);
    if (at !== undefined) {
      const i = this.global.failures.lastIndexOf(at);
      if (i >= 0) this.global.failures.splice(i, 1);
    }
  }

  // Bounded memory: forget clients whose failures have all expired.
  private forgetIdleClients(now: number): void {
    if (this.perClient.size <= 10_000) return;
    for (const [id, bucket] of this.perClient) {
      if (this.prune(bucket, now).failures.length === 0 && bucket.nextAt <= now) this.perClient.delete(id);
    }
  }
}

/** The environment variables read here (process.env, or a plain object in tests). */
export type EnvLike = Readonly<Record<string, string | undefined>>;

/**
 * Whether X-Forwarded-For / X-Real-IP may be believed: on Vercel (env VERCEL is set; Vercel overwrites
 * both headers with the connecting address), or when TRUST_PROXY=1 says a reverse proxy in front of
 * `next start` appends the connecting address to X-Forwarded-For. Otherwise any client could set them.
 */
export function trustsProxy(env: EnvLike = process.env): boolean {
  return readEnv("VERCEL", env) || readEnv("TRUST_PROXY", env);
}

/**
 * The throttling identity of a request. Behind a trusted proxy: the right-most X-Forwarded-For entry
 * (the one the proxy itself added; entries left of it may be forged), else X-Real-IP. Without one, every
 * request shares SHARED_CLIENT: route handlers get no socket address, and headers can be forged.
 */
export function clientIdentity(req: Request, env: EnvLike = process.env): ThrottleClient {
  if (!trustsProxy(env)) return SHARED_CLIENT;
  const hops = (req.headers.get("x-forwarded-for") ?? "").split(",").map((h) => h.trim()).filter(Boolean);
  const address = hops.at(-1) || req.headers.get("x-real-ip")?.trim();
  return address ? { id: `ip:${address}`, trusted: true } : SHARED_CLIENT;
}
