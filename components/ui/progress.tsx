"use client";

import * as React from "react";
import { Progress as ProgressPrimitive } from "radix-ui";
import { cn } from "@/lib/utils";

/** A progress bar; `value` 0..100, or null/undefined for an indeterminate one. Give it an aria-label. */
function Progress({ className, value, ...props }: React.ComponentProps<typeof ProgressPrimitive.Root>) {
  const indeterminate = value === null || value === undefined;
  return (
    <ProgressPrimitive.Root
      data-slot="progress"
      value={value}
      className={cn("relative h-2 w-full overflow-hidden rounded-full bg-primary/20", className)}
      {...props}
    >
      <ProgressPrimitive.Indicator
        data-slot="progress-indicator"
        className={cn("h-full w-full flex-1 bg-primary transition-all", indeterminate && "animate-pulse")}
        style={{ transform: `translateX(-${100 - (indeterminate ? 100 : Math.min(100, Math.max(0, value)))}%)` }}
      />
    </ProgressPrimitive.Root>
  );
}

export { Progress };
