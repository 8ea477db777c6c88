import type { UsageTarget } from "@/lib/api/key-schemas";

/** The services (names) that read a slot, route or select in the last 30 days, from the usage answer. */
export function readersOf(targets: UsageTarget[] | undefined, kind: UsageTarget["kind"], target: string): string[] {
  return targets?.find((t) => t.kind === kind && t.target === target)?.services.map((s) => s.name) ?? [];
}

/** What one key read in the last 30 days, busiest first: "slot openai:flagship" and its count. */
export function readsOf(targets: UsageTarget[] | undefined, keyId: string): { label: string; count: number }[] {
  const reads: { label: string; count: number }[] = [];
  for (const t of targets ?? []) {
    const mine = t.services.find((s) => s.id === keyId);
    if (mine) reads.push({ label: `${t.kind} ${t.target}`, count: mine.count });
  }
  return reads.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}
