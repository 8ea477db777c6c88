import { debugEnabled, logDebug } from "@/lib/log";
import { configRouteLabel, observeConfigAnswer } from "@/lib/metrics/record";
import type { RequestContext } from "@/lib/request-context";

/** A response with the request id on it; a response with immutable headers is copied first. */
function withRequestId(response: Response, requestId: string): Response {
  try {
    response.headers.set("X-Request-Id", requestId);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    copy.headers.set("X-Request-Id", requestId);
    return copy;
  }
}

/** After a route answered, on any host: count a config answer, and log the request at debug level (off by default). */
export function observeRequest(method: string, pathname: string, status: number, ctx: RequestContext, startedAt: number): void {
  const seconds = (performance.now() - startedAt) / 1000;
  const route = configRouteLabel(pathname);
  if (route) observeConfigAnswer(route, ctx.configSource, status, seconds);
  if (debugEnabled()) logDebug(`${method} ${pathname} ${status}`, { status, duration_ms: Math.round(seconds * 1e4) / 10 });
}

/** After a web route answered: observe it and echo the request id. */
export function finishRequest(req: Request, url: URL, response: Response, ctx: RequestContext, startedAt: number): Response {
  observeRequest(req.method, url.pathname, response.status, ctx, startedAt);
  return withRequestId(response, ctx.requestId);
}
