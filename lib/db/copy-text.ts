// PostgreSQL's COPY text format (the default of COPY … FROM STDIN): a row is its fields joined by tabs and ended
// by a newline; \N is NULL; a backslash, tab, newline or carriage return inside a field is written as an escape.

/** One field of a COPY row: a jsonb or array column is its literal text (toJson, toTextArray). */
export type CopyValue = string | number | boolean | null | undefined;

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** One field as COPY text reads it back: null and undefined as NULL, booleans as t/f, finite numbers as written. */
export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`COPY: ${value} is not a number PostgreSQL reads`);
    return String(value);
  }
  return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (c) => ESCAPES[c]) : value;
}

/** Rows as COPY text, each ended by a newline. */
export function copyText(rows: readonly (readonly CopyValue[])[]): string {
  let out = "";
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) out += (i > 0 ? "\t" : "") + copyField(row[i]);
    out += "\n";
  }
  return out;
}
