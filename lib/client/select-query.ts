// A select query as the config API's GET reads it: comma lists, fields in a fixed order (one cache key per query).
import type { SelectQuery } from "./types";

const FIELDS = ["type", "capabilities", "min_context", "min_output", "max_input_price", "max_output_price", "providers", "order", "include_preview"] as const;

/** The query string of a select (without "?"), the same for equal queries whatever their field order. */
export function selectQueryString(query: SelectQuery): string {
  const parts: string[] = [];
  for (const field of FIELDS) {
    const v = query[field];
    if (v === undefined || v === null) continue;
    const text = Array.isArray(v) ? v.join(",") : String(v);
    parts.push(`${field}=${encodeURIComponent(text)}`);
  }
  return parts.join("&");
}
