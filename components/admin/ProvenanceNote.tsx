import type { ProvenanceEntry } from "@/lib/db/facts-columns";
import { formatDate } from "@/lib/format";

/** Where a figure came from, as a small "source · date" line; "source unknown" when nothing is recorded. */
export function ProvenanceNote({ entry, testId }: { entry: ProvenanceEntry | undefined; testId?: string }) {
  return (
    <span className="block text-xs text-muted-foreground" data-testid={testId}>
      {entry ? `${entry.source}${entry.as_of ? ` · ${formatDate(entry.as_of)}` : ""}` : "source unknown"}
    </span>
  );
}
