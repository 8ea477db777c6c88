import type { FakeAnswer } from "./errors";
import { providerError } from "./errors";

// The two paginated list APIs, over an in-memory listing. Pure: query in, page (or a 400) out.

/** Anthropic: newest first; `limit` 1..1000 (default 20), `after_id` / `before_id` cursors. */
export function anthropicPage(models: unknown[], query: URLSearchParams): FakeAnswer {
  const limitText = query.get("limit") ?? "20";
  const limit = Number(limitText);
  if (!/^\d+$/.test(limitText) || limit < 1 || limit > 1000) {
    return providerError("anthropic", "bad_request", { message: "limit: Input should be less than or equal to 1000 and greater than or equal to 1" });
  }
  const sorted = [...(models as { id?: string; created_at?: string }[])].sort((a, b) => String(b.created_at ?? "").localeCompare(String(a.created_at ?? "")));
  let start = 0;
  let end = sorted.length;
  const afterId = query.get("after_id");
  const beforeId = query.get("before_id");
  for (const [name, id] of [["after_id", afterId], ["before_id", beforeId]] as const) {
    if (id !== null && !sorted.some((m) => m.id === id)) return providerError("anthropic", "bad_request", { message: `${name}: model ${id} not found` });
  }
  if (afterId !== null) start = sorted.findIndex((m) => m.id === afterId) + 1;
  if (beforeId !== null) {
    end = sorted.findIndex((m) => m.id === beforeId);
    start = Math.max(start, end - limit);
  }
  const data = sorted.slice(start, Math.min(end, start + limit));
  const hasMore = beforeId !== null ? start > 0 : start + data.length < end;
  return { status: 200, body: { data, has_more: hasMore, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null } };
}

const encodeToken = (offset: number) => Buffer.from(`offset:${offset}`).toString("base64url");
function decodeToken(token: string): number | null {
  const match = /^offset:(\d+)$/.exec(Buffer.from(token, "base64url").toString("utf8"));
  return match ? Number(match[1]) : null;
}

/** Gemini: `pageSize` (default 50, capped at 1000), opaque `pageToken`; `nextPageToken` absent on the last page. */
export function geminiPage(models: unknown[], query: URLSearchParams): FakeAnswer {
  const sizeText = query.get("pageSize");
  if (sizeText !== null && !/^-?\d+$/.test(sizeText)) return providerError("google", "bad_request", { message: `Invalid value at 'page_size' (TYPE_INT32), "${sizeText}"` });
  const asked = sizeText === null ? 0 : Number(sizeText);
  if (asked < 0) return providerError("google", "bad_request", { message: "page_size must not be negative" });
  const size = asked === 0 ? 50 : Math.min(asked, 1000);
  const token = query.get("pageToken");
  const offset = token ? decodeToken(token) : 0;
  if (offset === null) return providerError("google", "bad_request", { message: "Invalid page token." });
  const page = models.slice(offset, offset + size);
  const next = offset + size < models.length ? encodeToken(offset + size) : undefined;
  // proto3 JSON leaves out empty fields: an empty listing is `{}`.
  const body: Record<string, unknown> = {};
  if (page.length > 0) body.models = page;
  if (next) body.nextPageToken = next;
  return { status: 200, body };
}
