// Serves the existing production build (no build step): `tsx scripts/serve.ts -p 3917 -H 127.0.0.1`.
import { holdTickObjectShape } from "./lib/tick-shape";

holdTickObjectShape(); // before Next and PGlite start: see lib/tick-shape.ts
process.env.NEXT_TELEMETRY_DISABLED = "1";
// Next reads NODE_ENV as it loads: set it before the import.
(process.env as Record<string, string>).NODE_ENV = "production";
const { startApp, stopOnSignals } = await import("./lib/server");
const { readEnv } = await import("../lib/env");

function flag(names: string[]): string | undefined {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => names.includes(a));
  return i >= 0 ? args[i + 1] : undefined;
}

const port = Number(flag(["-p", "--port"]) ?? process.env.PORT ?? 3000);
const hostname = flag(["-H", "--hostname"]);
const running = await startApp({ port, hostname });
console.log(`Ready on http://${hostname ?? "localhost"}:${running.port}`);
stopOnSignals(running, readEnv("AMM_SHUTDOWN_GRACE_MS"));
export {};
