/** Runs once when the server starts: refuse to serve in production without strong secrets. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkProductionSecrets } = await import("./lib/env");
  const problems = checkProductionSecrets();
  if (problems.length > 0) {
    for (const p of problems) console.error(`Start-up error: ${p}`);
    process.exit(1);
  }
}
