/** A PostgreSQL text[] literal (cast with ::text[]), so both drivers send arrays the same way. */
export function toTextArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
}

/** A JSON text for a ::jsonb parameter; drivers differ in how they guess object types. */
export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}
