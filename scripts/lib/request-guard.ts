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

/**
 * A request Node's HTTP parser refuses (an unknown method such as TRACK, a malformed request line): a JSON
 * 400 instead of Node's bare one, so every answer of the server is the contract's error shape.
 */
export function answerUnparsable(err: NodeJS.ErrnoException, socket: import("node:stream").Duplex): void {
  if (err.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify({ success: false, error: { code: "bad_request", message: "Malformed HTTP request" } });
  socket.end(
    `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
  );
}
