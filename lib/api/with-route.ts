import type { z } from "zod";
import { authorize, type Access } from "@/lib/auth/identify";
import type { Principal } from "@/lib/auth/principal";
import { rejectControlChars } from "./control-chars";
import { requestIdOf, runWithRequest } from "@/lib/request-context";
import { fromZodError, handleApiError, methodNotAllowed } from "./errors";
import { finishRequest } from "./observe";
import { boundedMemo } from "@/lib/collections";

export interface RouteContext<P> {
  req: Request;
  params: P;
  searchParams: URLSearchParams;
  principal: Principal | undefined;
}

type Handler<P> = (ctx: RouteContext<P>) => Promise<Response | Record<string, unknown>>;

/**
 * The one wrapper of every route handler: auth, then the handler, with the only try/catch.
 * Handlers return a Response or a plain object (sent as JSON, not cached); they only throw.
 */
export function withRoute<P = Record<string, never>>(access: Access, handler: Handler<P>) {
  const serve = async (req: Request, url: URL, context?: { params: Promise<P> }): Promise<Response> => {
    try {
      const principal = await authorize(req, access);
      const params = ((await context?.params) ?? {}) as P;
      rejectControlChars(params, "params");
      const result = await handler({ req, params, searchParams: url.searchParams, principal });
      if (result instanceof Response) return result;
      return Response.json(result, { headers: { "Cache-Control": "private, no-store" } });
    } catch (err) {
      return handleApiError(err, `${req.method} ${url.pathname}`);
    }
  };
  return inRequest(serve);
}

/**
 * A route handler as Next calls it, with the segment params second (its last signature is what Next's route type
 * check reads: `next build --webpack` refuses an optional context), or with the request alone (tests, the 404).
 */
export interface RouteHandler<C> {
  (req: Request): Promise<Response>;
  (req: Request, context: C): Promise<Response>;
}

/**
 * Runs one request in its own context (its id reaches every log line and the answer's X-Request-Id, its config
 * source the metrics), for every handler: withRoute's, the 405s and the API's 404.
 */
export function inRequest<C>(serve: (req: Request, url: URL, context?: C) => Promise<Response>): RouteHandler<C> {
  return (req: Request, context?: C): Promise<Response> => {
    const ctx = { requestId: requestIdOf(req) };
    const startedAt = performance.now();
    const url = new URL(req.url);
    return runWithRequest(ctx, async () => finishRequest(req, url, await serve(req, url, context), ctx, startedAt));
  };
}

/** Parses the query string with a route's schema; a bad field is a 400 that names it. */
export function parseQuery<S extends z.ZodType>(searchParams: URLSearchParams, schema: S): z.infer<S> {
  // An empty value (`?provider=&type=`, as the README writes the filters) means the parameter is not given.
  const query = Object.fromEntries([...searchParams].filter(([, v]) => v !== ""));
  rejectControlChars(query, "query");
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw fromZodError(parsed.error, "query");
  return parsed.data;
}

// Per schema, the parsed value of each query string seen (the hot config reads repeat a handful of them).
const parsedQueries = new WeakMap<z.ZodType, (search: string) => unknown>();

/** parseQuery of a URL's query string, remembered per schema: a repeated query is not parsed again (its value is frozen). */
export function parseUrlQuery<S extends z.ZodType>(url: URL, schema: S): z.infer<S> {
  let parse = parsedQueries.get(schema);
  if (!parse) parsedQueries.set(schema, (parse = boundedMemo(256, (search: string) => Object.freeze(parseQuery(new URLSearchParams(search), schema)))));
  return parse(url.search) as z.infer<S>;
}

/** Parses a route's path params with a schema; a bad segment is a 400 that names it. */
export function parseParams<S extends z.ZodType>(params: unknown, schema: S): z.infer<S> {
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw fromZodError(parsed.error, "params");
  return parsed.data;
}

const ALL_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof ALL_METHODS)[number];

/** JSON 405 handlers for the methods a route does not serve: `export const { PUT, DELETE } = otherMethods(["GET"])`. */
export function otherMethods(allowed: readonly Method[]): Record<Method, (req: Request) => Promise<Response>> {
  const handler = inRequest(async (req) => handleApiError(methodNotAllowed(req.method, allowed), "method"));
  return Object.fromEntries(ALL_METHODS.map((m) => [m, handler])) as Record<Method, typeof handler>;
}
