// The production server of `npm start` and the browser tests: Next's request handler behind our own
// http.Server, so we own the requests Next cannot take and the order of a graceful stop.
import http from "node:http";
import type { AddressInfo } from "node:net";
import next from "next";
import type { NodeHost } from "../../lib/api/node-host";
import { createEmbeddedDatabaseApart } from "./embedded-db";
import { answerUnparsable, answerUnservable } from "./request-guard";

export interface AppServerOptions {
  dir?: string;
  port: number;
  hostname?: string;
}

export interface RunningApp {
  port: number;
  /** Stops taking requests, lets in-flight ones finish for up to graceMs, releases runs, closes Next. */
  stop(graceMs: number): Promise<void>;
}

// instrumentation.ts leaves these on globalThis: it runs inside Next's bundle, where the app's modules live.
type ShutdownHook = () => Promise<void>;
// __ammFastApi: the fast read path (lib/api/node-host.ts), absent with AMM_FAST_PATH=off.
const hooks = globalThis as unknown as { __ammBeforeShutdown?: ShutdownHook; __ammFastApi?: NodeHost };

export async function startApp(options: AppServerOptions): Promise<RunningApp> {
  createEmbeddedDatabaseApart(options.dir ?? process.cwd());
  const app = next({ dev: false, dir: options.dir ?? process.cwd(), hostname: options.hostname, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  await warmUp(handle);
  const fast = hooks.__ammFastApi; // left by instrumentation, which the warm-up ran (absent with AMM_FAST_PATH=off)
  const server = http.createServer((req, res) => {
    if (answerUnservable(req, res)) return;
    if (fast?.(req, res)) return;
    void handle(req, res);
  });
  server.on("clientError", answerUnparsable);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return { port, stop: (graceMs) => stopApp(server, app, graceMs) };
}

type Handle = ReturnType<ReturnType<typeof next>["getRequestHandler"]>;

/**
 * A production Next server finishes preparing (and runs instrumentation) on its first request: one request
 * through a throwaway loopback server does that before the real port listens, so the first caller finds
 * Next ready and the fast path in place.
 */
async function warmUp(handle: Handle): Promise<void> {
  const probe = http.createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", () => resolve()));
  try {
    const { port } = probe.address() as AddressInfo;
    await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.arrayBuffer());
  } catch (err) {
    console.error(`warm-up: ${String(err)}`); // the real server still starts; its first request prepares Next
  } finally {
    probe.closeAllConnections();
    await new Promise<void>((resolve) => probe.close(() => resolve()));
  }
}

async function stopApp(server: http.Server, app: ReturnType<typeof next>, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const grace = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
  // A running discovery is marked as stopped first, so its lease does not block the next start.
  await hooks.__ammBeforeShutdown?.().catch((err: unknown) => console.error(`shutdown: ${String(err)}`));
  await Promise.race([closed, grace]);
  server.closeAllConnections();
  await app.close().catch((err: unknown) => console.error(`shutdown: ${String(err)}`));
}

/** Stops the app on SIGTERM or SIGINT (what systemd, Docker and Ctrl+C send), then exits the process. */
export function stopOnSignals(running: RunningApp, graceMs: number): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing in-flight requests (at most ${graceMs / 1000} s), then stopping`);
    setTimeout(() => process.exit(1), graceMs + 5000).unref();
    void running.stop(graceMs).then(() => process.exit(0));
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
