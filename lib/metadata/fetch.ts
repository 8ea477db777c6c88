/** What the last stored document of a source lets us ask: "send it only if it changed". */
export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

export interface FetchDocumentOptions extends Validators {
  timeoutMs: number;
  maxBytes: number;
  fetch?: typeof fetch;
  now?: () => Date;
}

export type FetchErrorCode = "timeout" | "network" | "http" | "oversized";

/** A fetch never throws: it answers the body, "not modified", or a typed failure with a short message. */
export type FetchDocumentResult =
  | { kind: "ok"; text: string; etag: string | null; lastModified: string | null; fetchedAt: string }
  | { kind: "not_modified"; fetchedAt: string }
  | { kind: "error"; code: FetchErrorCode; message: string; status?: number };

const tooBig = (maxBytes: number): FetchDocumentResult => ({ kind: "error", code: "oversized", message: `the document is larger than ${maxBytes} bytes (METADATA_MAX_BYTES)` });

/** Reads the body chunk by chunk and gives up as soon as it passes maxBytes, so a huge answer is never held whole. */
async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<string | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function transportFailure(err: unknown, timeoutMs: number): FetchDocumentResult {
  const name = err instanceof Error ? err.name : "";
  if (name === "TimeoutError" || name === "AbortError") return { kind: "error", code: "timeout", message: `no complete answer within ${timeoutMs} ms` };
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : err instanceof Error ? err.message : String(err);
  return { kind: "error", code: "network", message: `network error (${cause})` };
}

/**
 * GETs a metadata document once (no retries: the next run tries again), conditionally when validators are
 * given. The timeout covers headers and body; the size cap is enforced while streaming.
 */
export async function fetchDocument(url: string, opts: FetchDocumentOptions): Promise<FetchDocumentResult> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (opts.etag) headers["if-none-match"] = opts.etag;
  if (opts.lastModified) headers["if-modified-since"] = opts.lastModified;
  const fetchedAt = () => (opts.now?.() ?? new Date()).toISOString();
  try {
    const res = await (opts.fetch ?? fetch)(url, { headers, signal: AbortSignal.timeout(opts.timeoutMs), redirect: "follow" });
    if (res.status === 304) {
      await res.body?.cancel();
      return { kind: "not_modified", fetchedAt: fetchedAt() };
    }
    if (!res.ok) {
      await res.body?.cancel();
      return { kind: "error", code: "http", status: res.status, message: `answered HTTP ${res.status}` };
    }
    const declared = Number(res.headers.get("content-length"));
    if (Number.isFinite(declared) && declared > opts.maxBytes) {
      await res.body?.cancel();
      return tooBig(opts.maxBytes);
    }
    const text = res.body ? await readCapped(res.body, opts.maxBytes) : "";
    if (text === null) return tooBig(opts.maxBytes);
    return { kind: "ok", text, etag: res.headers.get("etag"), lastModified: res.headers.get("last-modified"), fetchedAt: fetchedAt() };
  } catch (err) {
    return transportFailure(err, opts.timeoutMs);
  }
}
