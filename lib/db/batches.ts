// Rows per statement of a large write: a batch's recordset stays within work_mem (4 MB by default) instead of
// spilling to a temporary file, which on PGlite's in-memory file system is slow to grow.
export const WRITE_BATCH = 2_000;

/** Writes `items` in statements of WRITE_BATCH, in order, and answers what they answer, concatenated. */
export async function inBatches<T, R>(items: readonly T[], write: (batch: readonly T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += WRITE_BATCH) out.push(...(await write(items.slice(i, i + WRITE_BATCH))));
  return out;
}
