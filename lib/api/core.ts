// The host-neutral shape of a request and an answer. The config read routes are written against it once;
// Next's route handlers (lib/api/web-host.ts) and npm start's node:http front (lib/api/node-host.ts) adapt it.
import type { Access } from "@/lib/auth/identify";
import { authorize } from "@/lib/auth/identify";
import type { Principal } from "@/lib/auth/principal";
import { requestIdOf, runWithRequest } from "@/lib/request-context";
import { apiErrorOf, errorAnswer, methodNotAllowed } from "./errors";
import { observeRequest } from "./observe";

/** What a route reads of request headers (a web Headers object has this shape). */
export interface HeaderSource {
  get(name: string): string | null;
}

export interface ApiRequest {
  method: string;
  url: URL;
  headers: HeaderSource;
  /** The body as UTF-8 text, at most MAX_BODY_BYTES (a 413 ApiError past it). */
  text(): Promise<string>;
}

/** A whole answer: status, headers (lower or mixed case) and a body (null for 304 and bodiless answers). */
export interface ApiAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

export type CoreRoute = (req: ApiRequest) => Promise<ApiAnswer>;
export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
/** A route's answer to every method a handler can be exported for. */
export type CoreRouteTable = Record<Method, CoreRoute>;

export interface CoreContext {
  req: ApiRequest;
  principal: Principal | undefined;
}

/** An answer as a web Response (Next's route handlers). */
export function toResponse(answer: ApiAnswer): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

/** A JSON answer (the content type Response.json would set). */
export function jsonAnswer(body: unknown, headers: Record<string, string> = {}, status = 200): ApiAnswer {
  return { status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) };
}

/** A JSON answer nobody may keep, as withRoute sends a handler's plain object. */
export function plainAnswer(body: unknown): ApiAnswer {
  return jsonAnswer(body, { "Cache-Control": "private, no-store" });
}

/**
 * The one wrapper of a host-neutral route: its request id, auth, the handler, the only try/catch, metrics.
 * A handler returns an ApiAnswer (plainAnswer for one that is not cached); it only throws.
 */
export function coreRoute(access: Access, handler: (ctx: CoreContext) => Promise<ApiAnswer>): CoreRoute {
  return inCoreRequest(async (req) => {
    try {
      const principal = await authorize(req, access);
      return await handler({ req, principal });
    } catch (err) {
      return errorAnswer(apiErrorOf(err, `${req.method} ${req.url.pathname}`));
    }
  });
}

/** Runs one request in its own context: its id on the log lines and the answer's X-Request-Id, its metrics. */
function inCoreRequest(serve: CoreRoute): CoreRoute {
  return (req) => {
    const ctx = { requestId: requestIdOf(req) };
    const startedAt = performance.now();
    return runWithRequest(ctx, async () => {
      const answer = await serve(req);
      observeRequest(req.method, req.url.pathname, answer.status, ctx, startedAt);
      answer.headers["X-Request-Id"] = ctx.requestId;
      return answer;
    });
  };
}

/** JSON 405 answers for the methods a route does not serve, as otherMethods gives Next's handlers. */
export function otherCoreMethods(allowed: readonly Method[]): Record<Method, CoreRoute> {
  const refuse = inCoreRequest(async (req) => errorAnswer(methodNotAllowed(req.method, allowed)));
  return { GET: refuse, POST: refuse, PUT: refuse, PATCH: refuse, DELETE: refuse };
}
