// The bench's processes: the app as `npm start` serves it (scripts/serve.ts: our node:http front before Next),
// a bare node:http server, and helpers to wait for, measure and stop them.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { freePort } from "../../tests/support/free-port";

export { freePort };

export function startProcess(cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): ChildProcess {
  // detached: the child leads its own process group, so stopping it stops what it started too.
  return spawn(cmd, args, { cwd, env, detached: true, stdio: ["ignore", "ignore", "inherit"] });
}

export function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child?.pid || child.exitCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return Promise.resolve(); // already gone
  }
  return Promise.race([exited, new Promise<void>((r) => setTimeout(r, 10_000))]);
}

export async function waitFor(url: string, headers: Record<string, string>, child: ChildProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url, { headers });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export interface AppProcess {
  child: ChildProcess;
  base: string;
  stop(): Promise<void>;
}

/** V8 flags of `npm start` (package.json): 4 MB young-generation semi-spaces keep ~60 MB of heap out of RSS. */
export const START_NODE_FLAGS = ["--max-semi-space-size=4"];

/** The app as npm start runs it (production build, our front, its V8 flags), on a free loopback port. */
export async function startApp(root: string, env: NodeJS.ProcessEnv, readyPath: string, headers: Record<string, string>): Promise<AppProcess> {
  const port = await freePort();
  const child = startProcess(process.execPath, [...START_NODE_FLAGS, "--import", "tsx", path.join(root, "scripts/serve.ts"), "-p", String(port), "-H", "127.0.0.1"], { ...env, PORT: String(port) }, root);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}${readyPath}`, headers, child);
  return { child, base, stop: () => stopProcess(child) };
}

/** Resident memory of a process in MB (Linux /proc), or null elsewhere. */
export function rssMb(pid: number | undefined): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

// The bare server runs in its own process, like the app, so neither shares a CPU with autocannon's event loop.
export const BARE_SERVER = `
const http = require("node:http");
const body = process.env.BENCH_BODY;
http.createServer((req, res) => {
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}).listen(Number(process.env.BENCH_PORT), "127.0.0.1");
`;
