import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROVIDERS } from "@/lib/domain";
import { PROVIDER_CLIENTS } from "../list";
import { ProviderError } from "./index";

// A provider base URL that redirects elsewhere must not carry the key there: fetch would re-send
// x-api-key and x-goog-api-key across origins.
let elsewhereHits = 0;
let elsewhere: http.Server;
let redirector: http.Server;
let redirectorUrl = "";

function listen(server: http.Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

beforeAll(async () => {
  elsewhere = http.createServer((_req, res) => {
    elsewhereHits++;
    res.writeHead(200, { "content-type": "application/json" }).end('{"object":"list","data":[]}');
  });
  const target = await listen(elsewhere);
  redirector = http.createServer((req, res) => res.writeHead(307, { location: `${target}${req.url}` }).end());
  redirectorUrl = await listen(redirector);
});

afterAll(async () => {
  await new Promise((r) => elsewhere.close(r));
  await new Promise((r) => redirector.close(r));
});

describe("provider clients and redirects", () => {
  it.each(PROVIDERS)("%s refuses a redirect without retrying and never sends the key to the other host", async (provider) => {
    const before = elsewhereHits;
    const err = await PROVIDER_CLIENTS[provider]({ apiKey: "key-that-must-stay-home", baseUrl: redirectorUrl, maxRetries: 2, baseDelayMs: 1 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as ProviderError).code).toBe("invalid_response");
    expect((err as ProviderError).retryable).toBe(false);
    expect((err as ProviderError).message).not.toContain("key-that-must-stay-home");
    expect(elsewhereHits).toBe(before);
  });
});
