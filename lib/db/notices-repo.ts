import type { Db } from "./types";

/** Records a notice once: answers true the first time a key is seen, false ever after. */
export async function claimNotice(db: Db, key: string): Promise<boolean> {
  const rows = await db.query("insert into public.ai_notices (key) values ($1) on conflict (key) do nothing returning key", [key]);
  return rows.length > 0;
}
