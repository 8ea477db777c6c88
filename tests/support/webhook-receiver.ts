/* eslint-disable @typescript-eslint/no-explicit-any -- tests read the bodies they assert */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedHook {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A real local HTTP server that records webhook deliveries; it can answer an error status or go down and come back on its port. */
export interface WebhookReceiver {
  url: string;
  received: ReceivedHook[];
  /** The status it answers (default 200). */
  status: number;
  down(): Promise<void>;
  up(): Promise<void>;
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedHook[]>;
  /** The first delivery whose parsed body matches, waiting for it to arrive. */
  waitForBody(match: (body: Record<string, any>) => boolean, timeoutMs?: number): Promise<ReceivedHook>;
  close(): Promise<void>;
}

/** Starts a webhook receiver on a free loopback port. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedHook[] = [];
  let server: http.Server | undefined;
  const self = { received, status: 200 } as WebhookReceiver;
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () => {
          received.push({ path: req.url ?? "/", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
          // A fresh connection per delivery: no idle keep-alive socket for the server to close under a reusing client.
          res.writeHead(self.status, { "content-type": "application/json", connection: "close" }).end("{}");
        });
      });
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve((server!.address() as AddressInfo).port));
    });
  const port = await listen(0);
  const stop = () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  Object.assign(self, {
    url: `http://127.0.0.1:${port}/hook`,
    down: async () => {
      server?.closeAllConnections();
      await stop();
      server = undefined;
    },
    up: async () => {
      if (!server) await listen(port);
    },
    close: async () => {
      server?.closeAllConnections();
      await stop();
    },
    waitFor: async (count: number, timeoutMs = 5000) => {
      const until = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} webhook deliveries, got ${received.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return received;
    },
    waitForBody: async (match: (body: Record<string, unknown>) => boolean, timeoutMs = 5000) => {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const hit = received.find((h) => match(JSON.parse(h.body)));
        if (hit) return hit;
        if (Date.now() > until) throw new Error(`no matching webhook delivery among ${received.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  });
  return self;
}
