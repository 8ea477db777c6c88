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

/**
 * Replaces the named fields of each record by the index of its value in one JSON array of distinct values, which
 * it answers (a statement reads `$n::jsonb -> x.field`): values that repeat across thousands of rows are sent once.
 * A null or absent value stays null, so it reads as SQL NULL as it would have inline.
 */
export function sharedJson(records: readonly Record<string, unknown>[], fields: readonly string[]): string {
  const index = new Map<string, number>();
  const values: string[] = [];
  for (const r of records) {
    for (const f of fields) {
      if (r[f] === null || r[f] === undefined) {
        r[f] = null;
        continue;
      }
      const text = JSON.stringify(r[f]);
      let i = index.get(text);
      if (i === undefined) index.set(text, (i = values.push(text) - 1));
      r[f] = i;
    }
  }
  return `[${values.join(",")}]`;
}
