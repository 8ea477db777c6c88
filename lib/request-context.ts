import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { ConfigSource } from "@/lib/config/schemas";

/** What the code serving one request may learn of it without passing it down: for logs and metrics. */
export interface RequestContext {
  requestId: string;
  /** Where the config answer came from (set by the config snapshot read), for the metrics' source label. */
  configSource?: ConfigSource;
}

// On globalThis so every route bundle, the logger and the config cache share one storage.
const holder = globalThis as unknown as { __ammRequestContext?: AsyncLocalStorage<RequestContext> };
function storage(): AsyncLocalStorage<RequestContext> {
  holder.__ammRequestContext ??= new AsyncLocalStorage<RequestContext>();
  return holder.__ammRequestContext;
}

/** Runs fn with ctx as the current request's context. */
export function runWithRequest<T>(ctx: RequestContext, fn: () => T): T {
  return storage().run(ctx, fn);
}

/** The context of the request being served, or undefined outside one (scripts, runs in the background). */
export function currentRequest(): RequestContext | undefined {
  return storage().getStore();
}

/** Notes where the current request's config answer came from; a no-op outside a request. */
export function noteConfigSource(source: ConfigSource): void {
  const ctx = storage().getStore();
  if (ctx) ctx.configSource = source;
}

export const MAX_REQUEST_ID_LENGTH = 128;
// Printable, log-safe characters only: a caller's id may not forge log fields or split lines.
const SAFE_ID = /^[A-Za-z0-9._:/=+-]+$/;

/** The caller's X-Request-Id when it is short and plain, else a fresh UUID. */
export function requestIdOf(req: { headers: { get(name: string): string | null } }): string {
  const given = req.headers.get("x-request-id")?.trim();
  if (given && given.length <= MAX_REQUEST_ID_LENGTH && SAFE_ID.test(given)) return given;
  return randomUUID();
}
