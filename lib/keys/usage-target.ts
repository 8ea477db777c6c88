// The names reads are counted under, so the same question asked two ways is one target.

type Param = string | number | boolean | readonly (string | number | boolean)[] | null | undefined;

/**
 * A select's parameters as one canonical query string: keys sorted, empty values dropped, list values sorted
 * and comma-joined (`capabilities=vision,function_calling` and `capabilities=function_calling,vision` are one).
 */
export function normalizeSelectTarget(params: Record<string, Param>): string {
  const entries: [string, string][] = [];
  for (const key of Object.keys(params).sort()) {
    const v = params[key];
    if (v === undefined || v === null || v === "") continue;
    const text = Array.isArray(v) ? [...v].map(String).sort().join(",") : String(v);
    if (text !== "") entries.push([key, text]);
  }
  return new URLSearchParams(entries).toString().replace(/%2C/g, ",");
}
