/** A PostgreSQL text[] literal (cast with ::text[]), so both drivers send arrays the same way. */
export function toTextArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
}

/** A JSON text for a ::jsonb parameter; drivers differ in how they guess object types. */
export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/** A canonical 8-4-4-4-12 UUID; anything else would fail the ::uuid cast with a 500 instead of a 404. */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
