import { logDebug } from "@/lib/log";
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

/** After a route answered: echo the request id, count a config answer, and log the request at debug level. */
export function finishRequest(req: Request, url: URL, response: Response, ctx: RequestContext, startedAt: number): Response {
  const seconds = (performance.now() - startedAt) / 1000;
  const route = configRouteLabel(url.pathname);
  if (route) observeConfigAnswer(route, ctx.configSource, response.status, seconds);
  logDebug(`${req.method} ${url.pathname} ${response.status}`, { status: response.status, duration_ms: Math.round(seconds * 1e4) / 10 });
  return withRequestId(response, ctx.requestId);
}
