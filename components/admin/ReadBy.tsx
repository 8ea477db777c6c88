"use client";

import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { useKeyUsageQuery, type UsageTarget } from "@/hooks/use-service-keys-query";
import { readersOf } from "./key-usage";

const plural = (n: number) => `read by ${n} service${n === 1 ? "" : "s"}`;

/** "read by N services" beside a default or a pending change, naming them on hover and for screen readers. */
export function ReadBy({ kind, target }: { kind: UsageTarget["kind"]; target: string }) {
  const usage = useKeyUsageQuery();
  // Quiet while loading or failing: the count is a hint beside the default, not the default itself.
  if (!usage.data) return null;
  const names = readersOf(usage.data.targets, kind, target);
  const label = names.length ? `${plural(names.length)}: ${names.join(", ")}` : `${plural(0)} in the last 30 days`;
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <button type="button" aria-label={label} className="whitespace-nowrap text-xs font-normal text-muted-foreground underline decoration-dotted underline-offset-2" data-testid="read-by" data-target={`${kind}:${target}`} data-names={names.join(",")}>
          {plural(names.length)}
        </button>
      </TooltipTrigger>
      <TooltipContent>{names.length ? names.join(", ") : "No service key read it in the last 30 days"}</TooltipContent>
    </Tooltip>
  );
}
