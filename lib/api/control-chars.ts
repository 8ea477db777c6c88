import { ApiError } from "./errors";

// C0 controls and DEL; a body string may still hold tab, LF and CR (free text such as a description).
const IN_BODY = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const IN_LINE = /[\u0000-\u001f\u007f]/;

/** The dotted path of the first string (value or key) in `data` that holds a control character, or null. */
export function findControlChar(data: unknown, strict: boolean, path: string[] = []): string | null {
  const bad = strict ? IN_LINE : IN_BODY;
  if (typeof data === "string") return bad.test(data) ? path.join(".") : null;
  if (Array.isArray(data)) {
    for (let i = 0; i < data.length; i++) {
      const found = findControlChar(data[i], strict, [...path, String(i)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (data && typeof data === "object") {
    for (const [key, value] of Object.entries(data)) {
      if (bad.test(key)) return [...path, key].join(".");
      const found = findControlChar(value, strict, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}

/**
 * Throws a 400 naming the field when a string of the input holds a control character (PostgreSQL
 * refuses NUL in text; the others have no place in names and ids). Query and path values allow none.
 */
export function rejectControlChars(data: unknown, where: "query" | "body" | "params"): void {
  const path = findControlChar(data, where !== "body");
  if (path === null) return;
  const field = path || where;
  throw new ApiError("bad_request", `Invalid ${where} field "${field}": control characters are not allowed`, {
    issues: [{ path: field, message: "control characters are not allowed" }],
  });
}
