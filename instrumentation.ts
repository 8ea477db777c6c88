/** Runs once when the server starts. The Node-only part lives in its own module, out of the edge bundle. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { registerNode } = await import("./lib/instrumentation-node");
  await registerNode();
}
