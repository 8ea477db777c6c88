import { checkProductionSecrets, freezeProcessEnv, readEnv } from "./env";
import { stopActiveRuns } from "./discovery/active-runs";

/** Start-up of the Node server: refuse to serve without strong secrets, start the in-process schedule, leave the shutdown hook for the server. */
export async function registerNode(): Promise<void> {
  const problems = checkProductionSecrets();
  if (problems.length > 0) {
    for (const p of problems) console.error(`Start-up error: ${p}`);
    process.exit(1);
  }
  freezeProcessEnv(); // the server's settings are fixed from here on: secrets and keys are read once
  // A long-lived server (npm start) works the webhook outbox and the daily check itself; Vercel uses its crons.
  if (!readEnv("VERCEL")) {
    const { getDb } = await import("./db/client");
    const { startInProcessSchedule } = await import("./notify/schedule");
    startInProcessSchedule(getDb);
  }
  // npm start's node:http front (scripts/lib/server.ts) answers the config read routes with these very
  // modules (one snapshot, one metrics registry, one set of keys); on Vercel the route handlers serve them.
  if (!readEnv("VERCEL") && readEnv("AMM_FAST_PATH") === "on") {
    const { createNodeHost } = await import("./api/node-host");
    const { FAST_READ_ROUTES } = await import("./config/read-routes");
    (globalThis as unknown as { __ammFastApi?: unknown }).__ammFastApi = createNodeHost(FAST_READ_ROUTES);
  }
  // scripts/lib/server.ts calls it on SIGTERM / SIGINT, before Next closes.
  (globalThis as unknown as { __ammBeforeShutdown?: () => Promise<void> }).__ammBeforeShutdown = async () => {
    const stopped = await stopActiveRuns();
    if (stopped.length > 0) console.log(`shutdown: marked run(s) ${stopped.join(", ")} as stopped`);
    // Reads counted since the last flush would be lost with the process.
    const { flushUsage } = await import("./keys/usage");
    const written = await flushUsage();
    if (written > 0) console.log(`shutdown: wrote ${written} service key read count(s)`);
  };
}
