// A TCP proxy in front of a database that can go silent: like a host that vanished from the network,
// it keeps every socket open and answers nothing, so only the client's own timeouts end a wait.
import net from "node:net";
import type { AddressInfo } from "node:net";

export interface TcpProxy {
  port: number;
  /** Writes the clients sent so far: a query of postgres.js (prepare: false) is one write. */
  readonly clientWrites: number;
  /** From now on nothing passes either way, and new connections are accepted and left hanging. */
  goSilent(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number, targetHost = "127.0.0.1"): Promise<TcpProxy> {
  let silent = false;
  let clientWrites = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => {});
    if (silent) return;
    const upstream = net.connect(targetPort, targetHost);
    sockets.add(upstream);
    upstream.on("error", () => client.destroy());
    client.on("data", (chunk) => {
      clientWrites++;
      if (!silent) upstream.write(chunk);
    });
    upstream.on("data", (chunk) => silent || client.write(chunk));
    client.on("close", () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    get clientWrites() {
      return clientWrites;
    },
    goSilent: () => {
      silent = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
