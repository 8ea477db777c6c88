import { ApiError, errorResponse } from "@/lib/api/errors";

// The methods some route handler serves (OPTIONS and HEAD Next answers itself); the rest never reach one.
const KNOWN_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/**
 * The JSON error for an /api request that Next would otherwise answer with a text/plain 500 before any
 * route runs: an unknown method (TRACE…), or a path whose percent-encoding does not decode. Else null.
 */
export function apiGate(method: string, rawPath: string): Response | null {
  if (!KNOWN_METHODS.has(method.toUpperCase())) {
    return errorResponse(
      new ApiError("method_not_allowed", `${method} is not allowed here`, { headers: { Allow: [...KNOWN_METHODS].join(", ") } }),
    );
  }
  try {
    decodeURIComponent(rawPath);
  } catch {
    return errorResponse(
      new ApiError("bad_request", "Malformed percent-encoding in the path", { issues: [{ path: "path", message: "not valid percent-encoding" }] }),
    );
  }
  return null;
}
