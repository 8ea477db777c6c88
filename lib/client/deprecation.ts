import type { ModelConfig, ModelType, Provider } from "./types";

/** Days before a shutdown at which the client warns (once per model). */
export const DEPRECATION_WARNING_DAYS = 30;

/** A model the config API answered that shuts down soon: what onDeprecation is told. */
export interface DeprecationNotice {
  provider: Provider;
  type: ModelType;
  model_name: string;
  shutdown_date: string;
  /** Whole days until the shutdown (0 or less: today or past). */
  days_left: number;
  /** The provider's stated replacement, when the answer names one. */
  successor: string | null;
}

/** The notice for an answer whose model shuts down within 30 days, else null. */
export function deprecationNotice(config: ModelConfig & { successor?: string | null }, type: ModelType, nowMs: number): DeprecationNotice | null {
  if (!config.shutdown_date) return null;
  const shutdown = Date.parse(`${config.shutdown_date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(shutdown)) return null;
  const days_left = Math.ceil((shutdown - nowMs) / 86_400_000) + 0;
  if (days_left > DEPRECATION_WARNING_DAYS) return null;
  return { provider: config.provider, type, model_name: config.model_name, shutdown_date: config.shutdown_date, days_left, successor: config.successor ?? null };
}
