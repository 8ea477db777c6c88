import { listUsageByTarget } from "@/lib/db/key-usage-repo";
import type { Db } from "@/lib/db/types";
import { flushUsage } from "./usage";

export const USAGE_WINDOW_DAYS = 30;

export interface UsageView {
  since: string;
  targets: { kind: "slot" | "route" | "select"; target: string; services: { id: string; name: string; count: number }[] }[];
}

/** The first day of the window that ends today (UTC): today and the 29 days before it. */
export function windowStart(now: Date, days = USAGE_WINDOW_DAYS): string {
  return new Date(now.getTime() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Per slot, route and select, the live service keys that read it in the last 30 days, busiest first. This
 * process's unwritten counts are flushed first, so its own reads are in the answer.
 */
export async function readKeyUsage(db: Db, now: Date = new Date()): Promise<UsageView> {
  await flushUsage(db);
  const since = windowStart(now);
  const rows = (await listUsageByTarget(db, { since })).filter((r) => r.revoked_at === null);
  const targets = new Map<string, UsageView["targets"][number]>();
  for (const r of rows) {
    const id = `${r.kind}\u0000${r.target}`;
    const entry = targets.get(id) ?? { kind: r.kind, target: r.target, services: [] };
    entry.services.push({ id: r.key_id, name: r.name, count: r.count });
    targets.set(id, entry);
  }
  return { since, targets: [...targets.values()] };
}
