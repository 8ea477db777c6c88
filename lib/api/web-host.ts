// Next's route handlers as a host of the host-neutral routes (lib/api/core.ts): Request in, Response out.
import { readBodyText } from "./body";
import { toResponse, type ApiRequest, type CoreRoute, type CoreRouteTable, type Method } from "./core";

/** A web Request as the routes read it. */
export function fromWebRequest(req: Request): ApiRequest {
  return { method: req.method, url: new URL(req.url), headers: req.headers, text: () => readBodyText(req) };
}

/** One host-neutral route as a Next route handler. */
export function nextRoute(route: CoreRoute): (req: Request) => Promise<Response> {
  return async (req) => toResponse(await route(fromWebRequest(req)));
}

/** A route table as a route module's exports: `export const { GET, POST, PUT, PATCH, DELETE } = nextRoutes(table)`. */
export function nextRoutes(table: CoreRouteTable): Record<Method, (req: Request) => Promise<Response>> {
  return {
    GET: nextRoute(table.GET),
    POST: nextRoute(table.POST),
    PUT: nextRoute(table.PUT),
    PATCH: nextRoute(table.PATCH),
    DELETE: nextRoute(table.DELETE),
  };
}
