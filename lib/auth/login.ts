import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { secretEquals } from "@/lib/api/auth";
import { getAdminToken } from "@/lib/env";
import { LoginThrottle } from "./login-throttle";
import { createSessionValue, sessionKey } from "./session-cookie";

export const loginBodySchema = z.object({
  password: z.string({ error: "required (a string)" }).min(1, "required").max(1024, "too long"),
});

/** One throttle per server process (see login-throttle.ts). */
const processThrottle = new LoginThrottle();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface LoginDeps {
  throttle?: LoginThrottle;
  wait?: (ms: number) => Promise<unknown>;
  now?: () => number;
}

/**
 * Checks the built-in admin password (ADMIN_TOKEN) for a client and returns a new signed session value.
 * Throws 429 (with Retry-After) when the client or everyone has failed too often, 401 for a wrong password;
 * a wrong password is answered only after a delay that grows with the client's recent failures.
 */
export async function attemptLogin(password: string, client: string, deps: LoginDeps = {}): Promise<string> {
  const throttle = deps.throttle ?? processThrottle;
  const wait = deps.wait ?? sleep;
  const now = deps.now ?? Date.now;
  const decision = throttle.check(client, now());
  if (!decision.allowed) {
    throw new ApiError("too_many_requests", `Too many failed sign-ins; try again in ${decision.retryAfterSeconds} s`, {
      headers: { "Retry-After": String(decision.retryAfterSeconds) },
      extra: { retry_after: decision.retryAfterSeconds },
    });
  }
  // Counted as a failure before the check, with no await in between, so parallel guesses cannot all
  // pass the budget check before any of them is recorded.
  const at = now();
  throttle.recordFailure(client, at);
  const key = sessionKey();
  if (!key || !secretEquals(password, getAdminToken())) {
    if (decision.delayMs > 0) await wait(decision.delayMs);
    throw new ApiError("unauthorized", "Wrong password");
  }
  throttle.recordSuccess(client, at);
  return createSessionValue(key, at);
}
