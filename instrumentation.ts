/** Runs once when the server starts: refuse to serve in production without strong secrets, then start the in-process schedule. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkProductionSecrets, readEnv } = await import("./lib/env");
  const problems = checkProductionSecrets();
  if (problems.length > 0) {
    for (const p of problems) console.error(`Start-up error: ${p}`);
    process.exit(1);
  }
  // A long-lived server (npm start) works the webhook outbox and the daily check itself; Vercel uses its crons.
  if (!readEnv("VERCEL")) {
    const { getDb } = await import("./lib/db/client");
    const { startInProcessSchedule } = await import("./lib/notify/schedule");
    startInProcessSchedule(getDb);
  }
}
