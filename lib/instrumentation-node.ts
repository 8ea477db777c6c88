import { checkProductionSecrets } from "./env";
import { stopActiveRuns } from "./discovery/active-runs";

/** Start-up of the Node server: refuse to serve without strong secrets; leave the shutdown hook for the server. */
export function registerNode(): void {
  const problems = checkProductionSecrets();
  if (problems.length > 0) {
    for (const p of problems) console.error(`Start-up error: ${p}`);
    process.exit(1);
  }
  // scripts/lib/server.ts calls it on SIGTERM / SIGINT, before Next closes.
  (globalThis as unknown as { __ammBeforeShutdown?: () => Promise<void> }).__ammBeforeShutdown = async () => {
    const stopped = await stopActiveRuns();
    if (stopped.length > 0) console.log(`shutdown: marked run(s) ${stopped.join(", ")} as stopped`);
  };
}
