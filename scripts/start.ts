// `npm start`: build when needed, then serve the production build on PORT (embedded database by default).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describeDatabaseUrl } from "../lib/db/client";
import { checkProductionSecrets, dataDir, getAdminToken, readEnv } from "../lib/env";
import { ensureBuild } from "./lib/build";
import { holdTickObjectShape } from "./lib/tick-shape";

holdTickObjectShape(); // before Next and PGlite start: see lib/tick-shape.ts

process.env.NEXT_TELEMETRY_DISABLED = "1";

// NODE_ENV=production set by the operator means a real deployment: secrets must come from the environment.
if (process.env.NODE_ENV === "production") {
  const problems = checkProductionSecrets();
  if (problems.length > 0) {
    for (const p of problems) console.error(`Start-up error: ${p}`);
    process.exit(1);
  }
} else {
  process.env.ADMIN_TOKEN ??= getAdminToken();
  process.env.CRON_SECRET ??= localSecret("cron-secret");
}

function localSecret(name: string): string {
  const file = path.join(dataDir(), name);
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const value = randomBytes(24).toString("base64url");
  fs.mkdirSync(dataDir(), { recursive: true });
  fs.writeFileSync(file, value + "\n", { mode: 0o600 });
  return value;
}

ensureBuild();
const port = Number(portFlag() ?? process.env.PORT ?? 3000);
// The server runs in this process: a signal to it (or to npm, which passes it on) stops everything.
(process.env as Record<string, string>).NODE_ENV = "production";
const { startApp, stopOnSignals } = await import("./lib/server");
const running = await startApp({ port });
console.log(`AI Model Manager on http://localhost:${running.port}/admin (database: ${describeDatabaseUrl(process.env.DATABASE_URL)})`);
stopOnSignals(running, readEnv("AMM_SHUTDOWN_GRACE_MS"));

/** `npm start -- -p 4000` (CONTRACT §6). */
function portFlag(): string | undefined {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === "-p" || a === "--port");
  return i >= 0 ? args[i + 1] : undefined;
}
