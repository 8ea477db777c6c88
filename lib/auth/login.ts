import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { secretEquals } from "./identify";
import { getAdminToken } from "@/lib/env";
import { LoginThrottle, type ThrottleClient } from "./login-throttle";
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
 * Throws 429 (with Retry-After) when the throttle refuses the attempt, 401 for a wrong password. An
 * admitted attempt first waits for its slot (the pause that grows with recent failures, see
 * login-throttle.ts), so parallel guesses are checked one after another, not side by side.
 */
export async function attemptLogin(password: string, client: ThrottleClient, deps: LoginDeps = {}): Promise<string> {
  const throttle = deps.throttle ?? processThrottle;
  const wait = deps.wait ?? sleep;
  const now = deps.now ?? Date.now;
  // admit() counts the attempt as a failure before any await, so parallel guesses cannot all pass
  // the budget check before any of them is recorded.
  const decision = throttle.admit(client, now());
  if (!decision.allowed) {
    throw new ApiError("too_many_requests", `Too many failed sign-ins; try again in ${decision.retryAfterSeconds} s`, {
      headers: { "Retry-After": String(decision.retryAfterSeconds) },
      extra: { retry_after: decision.retryAfterSeconds },
    });
  }
  if (decision.waitMs > 0) await wait(decision.waitMs);
  const key = sessionKey();
  if (!key || !secretEquals(password, getAdminToken())) throw new ApiError("unauthorized", "Wrong password");
  throttle.recordSuccess(client, decision.at);
  return createSessionValue(key, now());
}
