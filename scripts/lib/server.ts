// The production server of `npm start` and the browser tests: Next's request handler behind our own
// http.Server, so we own the requests Next cannot take and the order of a graceful stop.
import http from "node:http";
import type { AddressInfo } from "node:net";
import next from "next";
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

// instrumentation.ts leaves this on globalThis: it runs inside Next's bundle, where the app's modules live.
type ShutdownHook = () => Promise<void>;
const hooks = globalThis as unknown as { __ammBeforeShutdown?: ShutdownHook };

export async function startApp(options: AppServerOptions): Promise<RunningApp> {
  const app = next({ dev: false, dir: options.dir ?? process.cwd(), hostname: options.hostname, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    if (answerUnservable(req, res)) return;
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
