import { pathToFileURL } from "node:url";

/** Runs a bench part when its file is the one started (`tsx scripts/bench/<part>.ts`); exits 0, or 1 with the error. */
export function runAlone(moduleUrl: string, run: () => Promise<unknown>): void {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? "").href) return;
  run().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err instanceof Error ? err.stack : err);
      process.exit(1);
    },
  );
}
