/** Drops the in-process config snapshot so the next answer reads the registry (after a run or an admin change). */
export function invalidateConfigCache(): void {
  // Placeholder until the config cache lands.
}
