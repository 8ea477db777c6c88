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

/** One icon per capability a model has, each named for screen readers and explained by a tooltip. */
export function CapabilityIcons({ capabilities }: { capabilities: ModelRow["capabilities"] }) {
  const present = CAPABILITIES.filter((c) => capabilities[c.key]);
  if (present.length === 0) return <span className="text-muted-foreground">—</span>;
  return (
    <ul className="flex items-center gap-1.5" aria-label="Capabilities" data-testid="capabilities">
      {present.map(({ key, label, Icon }) => (
        <li key={key}>
          <Tooltip>
            <TooltipTrigger asChild>
              <span role="img" aria-label={label} data-capability={key} className="inline-flex text-muted-foreground">
                <Icon className="size-4" aria-hidden />
              </span>
            </TooltipTrigger>
            <TooltipContent>{label}</TooltipContent>
          </Tooltip>
        </li>
      ))}
    </ul>
  );
}
