// The first start of an embedded database creates it in a child process (`npm run db:migrate`): PGlite's
// initdb runs in a WebAssembly instance of its own whose ~150 MB the server would otherwise keep for good.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseDatabaseUrl } from "../../lib/db/client";

/** Creates, migrates and seeds a PGlite directory that does not exist yet, in a child process; else nothing. */
export function createEmbeddedDatabaseApart(root: string, env: NodeJS.ProcessEnv = process.env): void {
  const target = parseDatabaseUrl(env.DATABASE_URL);
  if (target.driver !== "pglite" || target.location === "memory") return;
  if (fs.existsSync(path.join(path.resolve(root, target.location), "PG_VERSION"))) return;
  const res = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "scripts/migrate.ts")], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  // A failure here is left to the server's own open, which reports it the usual way.
  if (res.status !== 0) console.error(`embedded database: first-time set-up in a child process failed (exit ${res.status}); the server sets it up itself`);
}
