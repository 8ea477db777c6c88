// When a model is retired: the one rule runs, the config answers and validate all judge by.

/** The UTC day of a moment, YYYY-MM-DD. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** True once a model's shutdown day has come (the provider switches it off that day). */
export function isShutDown(shutdownDate: string | null | undefined, now: Date): boolean {
  return !!shutdownDate && shutdownDate <= utcDay(now);
}

/** The deactivation reason of a model retired by its shutdown date. */
export function shutdownReason(shutdownDate: string): string {
  return `shut down on ${shutdownDate}`;
}

/** The reason a model no longer listed is deactivated with. */
export const VANISHED_REASON = "no longer listed";
