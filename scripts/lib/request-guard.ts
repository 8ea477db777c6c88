// Requests that Next fails with a text/plain 500 before proxy.ts or any route runs (it cannot build a
// web Request for TRACE or TRACK): the server answers them itself with the contract's JSON error.
import type http from "node:http";
import { API_CSP, commonSecurityHeaders } from "../../lib/security/headers";

const FORBIDDEN_BY_FETCH = new Set(["TRACE", "TRACK", "CONNECT"]);

/** Answers a request Next cannot take and returns true; false lets it through to Next. */
export function answerUnservable(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  const method = (req.method ?? "GET").toUpperCase();
  if (!FORBIDDEN_BY_FETCH.has(method)) return false;
  const body = JSON.stringify({ success: false, error: { code: "method_not_allowed", message: `${method} is not allowed here` } });
  res.writeHead(405, {
    ...commonSecurityHeaders(process.env.NODE_ENV === "production"),
    "Content-Security-Policy": API_CSP,
    "Content-Type": "application/json",
    "Cache-Control": "no-store",
    Allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS",
  });
  res.end(body);
  return true;
}
