import fs from "node:fs";
import path from "node:path";
import { DatabaseUnavailableError } from "../types";

const LOCK_NAME = "amm.lock";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** PGlite is one process per directory: a second opener gets a clear error instead of a corrupt cluster. */
export function acquireDirLock(dir: string): void {
  const file = path.join(dir, LOCK_NAME);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const owner = Number(fs.readFileSync(file, "utf8").trim());
      if (owner === process.pid) return;
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new DatabaseUnavailableError(
          `The embedded database at ${dir} is open in another process (pid ${owner}), probably the running app. ` +
            `Stop it, or go through the app's API (for discovery: POST /api/ai-model-updater), or use DATABASE_URL=postgres://…`,
        );
      }
      fs.rmSync(file, { force: true }); // left by a process that died
    }
  }
  throw new DatabaseUnavailableError(`Could not lock the embedded database at ${dir}`);
}

export function releaseDirLock(dir: string): void {
  const file = path.join(dir, LOCK_NAME);
  try {
    if (Number(fs.readFileSync(file, "utf8").trim()) === process.pid) fs.rmSync(file, { force: true });
  } catch {
    // already gone
  }
}
