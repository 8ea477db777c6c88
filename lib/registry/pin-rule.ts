import type { ModelRow } from "@/lib/db/model-row";
import { ConflictError, InvalidError, type DomainError } from "@/lib/errors";
import { isShutDown, shutdownReason } from "./lifecycle";

/** Whether an admin may pin a model now, and if not why: the rule the pin verb enforces and the console shows. */
export interface Pinnability {
  allowed: boolean;
  reason: string | null;
}

/** The error a pin of this model would fail with, or null when it may be pinned. */
export function pinBlocker(
  model: Pick<ModelRow, "model_name" | "model_type" | "is_active" | "needs_review"> & Partial<Pick<ModelRow, "shutdown_date">>,
  now: Date = new Date(),
): DomainError | null {
  if (model.model_type === "legacy") {
    return new InvalidError("A legacy model cannot be a default; classify it as flagship or fast first", {
      issues: [{ path: "model_type", message: "legacy has no default" }],
    });
  }
  if (!model.is_active) return new ConflictError(`${model.model_name} is inactive and cannot be pinned`);
  // Retired by its date even before a run marks it inactive: it is never a default.
  if (isShutDown(model.shutdown_date, now)) return new ConflictError(`${model.model_name} ${shutdownReason(model.shutdown_date!)} and cannot be pinned`);
  if (model.needs_review) return new ConflictError(`${model.model_name} needs review; classify it before pinning`);
  return null;
}

/** The pin rule as the console reads it. */
export function pinnability(model: Parameters<typeof pinBlocker>[0]): Pinnability {
  const blocker = pinBlocker(model);
  return { allowed: !blocker, reason: blocker?.message ?? null };
}
