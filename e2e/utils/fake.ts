import type { Provider } from "../../lib/domain";
import type { Fault, RequestLog } from "../../tests/support/fake-providers/types";
import { FAKE_URL } from "./env";

// Steers the fake provider server (tests/support/fake-providers) over its /_fake control API; its types are the server's.

export type FakeProvider = Provider;
export type FakeFault = Fault;
export type FakeRequest = RequestLog;

async function control(action: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${FAKE_URL}/_fake/${action}`, {
    method: body === undefined && action === "requests" ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? (action === "requests" ? undefined : "{}") : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`fake ${action} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

export const fake = {
  url: FAKE_URL,
  /** No faults, the starting (2025) listings, an empty request log. Call it in beforeEach. */
  reset: () => control("reset"),
  /** Makes one provider fail: e.g. fake.fault("openai", "500") or ("anthropic", "429", { retryAfter: 1 }). */
  fault: (provider: FakeProvider, fault: FakeFault, opts: { retryAfter?: number } = {}) => control("fault", { provider, fault, ...opts }),
  /** Switches every provider to another generation of models ("2025" or "2027"). */
  era: (era: "2025" | "2027") => control("era", { era }),
  /** Replaces one provider's listing with wire-format models. */
  listing: (provider: FakeProvider, models: unknown[]) => control("listing", { provider, models }),
  /** Makes a metadata document fail: e.g. fake.metadataFault("models.dev", "500"); "none" heals it. */
  metadataFault: (source: "models.dev" | "litellm", fault: "none" | "500" | "timeout" | "malformed" | "wrong-shape" | "oversized") => control("metadata-fault", { source, fault }),
  /** The requests the fake has seen since the last reset (never with key values). */
  requests: async (): Promise<FakeRequest[]> => ((await control("requests")) as { requests: FakeRequest[] }).requests,
};
