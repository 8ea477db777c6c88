/** An error answer of our API, typed: the code and message of CONTRACT's error body, plus the HTTP status. */
export class ApiClientError extends Error {
  readonly code: string;
  readonly status: number;
  readonly issues?: { path: string; message: string }[];
  /** The whole error body, for routes that add fields (a 409 carries the running run's `run_id`). */
  readonly body: Record<string, unknown>;
  constructor(status: number, code: string, message: string, body: Record<string, unknown> = {}) {
    super(message);
    this.name = "ApiClientError";
    this.status = status;
    this.code = code;
    this.body = body;
    const err = body.error as { issues?: { path: string; message: string }[] } | undefined;
    this.issues = err?.issues;
  }
}

export interface ApiFetchOptions {
  signal?: AbortSignal;
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  body?: unknown;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Calls one of our JSON routes with the session cookie; resolves with the body of a 2xx answer and
 * rejects with an ApiClientError otherwise (also for a network failure or a body that is not JSON).
 */
export async function apiFetch<T>(path: string, options: ApiFetchOptions = {}): Promise<T> {
  const { signal, method = "GET", body } = options;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      signal,
      credentials: "same-origin",
      headers: { Accept: "application/json", ...(body !== undefined ? { "Content-Type": "application/json" } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiClientError(0, "network_error", "The server could not be reached. Check your connection and retry.");
  }
  let parsed: unknown = undefined;
  try {
    parsed = await res.json();
  } catch {
    // A proxy's HTML error page or an empty body: reported below by status.
  }
  if (res.ok && isRecord(parsed)) return parsed as T;
  const body0 = isRecord(parsed) ? parsed : {};
  const error = isRecord(body0.error) ? body0.error : undefined;
  const code = typeof error?.code === "string" ? error.code : res.ok ? "bad_response" : `http_${res.status}`;
  const message =
    typeof error?.message === "string"
      ? error.message
      : typeof body0.error === "string"
        ? body0.error
        : res.ok
          ? "The server answered with something other than JSON."
          : `The server answered ${res.status} ${res.statusText}`.trim();
  throw new ApiClientError(res.status, code, message, body0);
}

/** A short text for a toast or an error state, whatever was thrown. */
export function errorMessage(err: unknown): string {
  // The console authenticates with its session cookie, so a 401 means the session is over.
  if (err instanceof ApiClientError && err.status === 401) return "Your session has ended. Sign in again to continue.";
  if (err instanceof ApiClientError) return err.message;
  if (err instanceof Error) return err.message;
  return "Something went wrong.";
}
