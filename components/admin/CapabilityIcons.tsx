"use client";

import { BrainIcon, BracesIcon, EyeIcon, WrenchIcon, type LucideIcon } from "lucide-react";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import type { ModelRowWire as ModelRow } from "@/lib/config/schemas";

export const CAPABILITIES: { key: string; label: string; Icon: LucideIcon }[] = [
  { key: "vision", label: "Vision (image input)", Icon: EyeIcon },
  { key: "function_calling", label: "Function calling", Icon: WrenchIcon },
  { key: "json_mode", label: "JSON mode", Icon: BracesIcon },
  { key: "reasoning", label: "Reasoning", Icon: BrainIcon },
];

/** A capability's three states: a source says yes, a source says no, or nobody says (unknown). */
export type CapabilityState = "yes" | "no" | "unknown";

export function capabilityState(value: boolean | null | undefined): CapabilityState {
  return value === true ? "yes" : value === false ? "no" : "unknown";
}

/**
 * One icon per capability a model has; an unknown capability is drawn faint and dashed ("unknown", not "no"),
 * one a source denies is left out. Each is named for screen readers and explained by a tooltip.
 */
export function CapabilityIcons({ capabilities }: { capabilities: ModelRow["capabilities"] }) {
  const shown = CAPABILITIES.map((c) => ({ ...c, state: capabilityState(capabilities[c.key]) })).filter((c) => c.state !== "no");
  if (shown.length === 0) return <span className="text-muted-foreground">—</span>;
  return (
    <ul className="flex items-center gap-1.5" aria-label="Capabilities" data-testid="capabilities">
      {shown.map(({ key, label, Icon, state }) => {
        const text = state === "yes" ? label : `${label}: unknown`;
        return (
          <li key={key}>
            <Tooltip>
              <TooltipTrigger asChild>
                {state === "yes" ? (
                  <span role="img" aria-label={text} data-capability={key} className="inline-flex text-muted-foreground">
                    <Icon className="size-4" aria-hidden />
                  </span>
                ) : (
                  <span role="img" aria-label={text} data-capability-unknown={key} className="inline-flex rounded-sm border border-dashed border-muted-foreground/40 text-muted-foreground/40">
                    <Icon className="size-4" aria-hidden />
                  </span>
                )}
              </TooltipTrigger>
              <TooltipContent>{text}</TooltipContent>
            </Tooltip>
          </li>
        );
      })}
    </ul>
  );
}
