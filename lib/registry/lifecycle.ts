// When a model is retired: the one rule runs, the config answers and validate all judge by.

/** The UTC day of a moment, YYYY-MM-DD. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** True once a model's shutdown day has come (the provider switches it off that day). */
export function isShutDown(shutdownDate: string | null | undefined, now: Date): boolean {
  return !!shutdownDate && shutdownDate <= utcDay(now);
}

/** Whole days from now to a shutdown date (0 on the day itself, negative once it passed). */
export function daysUntil(shutdown: string, now: Date): number {
  return Math.ceil((Date.parse(`${shutdown}T00:00:00Z`) - now.getTime()) / 86_400_000) + 0; // + 0: no -0 on the day itself
}

/** The deactivation reason of a model retired by its shutdown date. */
export function shutdownReason(shutdownDate: string): string {
  return `shut down on ${shutdownDate}`;
}

/** The reason a model no longer listed is deactivated with. */
export const VANISHED_REASON = "no longer listed";
