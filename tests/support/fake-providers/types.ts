import type { Provider } from "@/lib/domain";
import type { MetadataSource } from "@/lib/metadata/types";

/** Faults the fake can inject per provider (see server.ts for what each one does on the wire). */
export const FAULTS = ["none", "401", "429", "429-once", "500", "500-once", "503", "529", "timeout", "malformed", "empty", "page2"] as const;
export type Fault = (typeof FAULTS)[number];

/** Faults of the metadata documents (models.dev, LiteLLM): see metadata-routes.ts. */
export const METADATA_FAULTS = ["none", "500", "timeout", "malformed", "wrong-shape", "oversized"] as const;
export type MetadataFault = (typeof METADATA_FAULTS)[number];

/** Listing generations: 2025 is the original design's world, 2027 a newer generation of every provider. */
export const ERAS = ["2025", "2027"] as const;
export type Era = (typeof ERAS)[number];

export interface FaultOptions {
  /** Seconds the 429 asks the client to wait (retry-after header; Gemini RetryInfo). Default 1. */
  retryAfter?: number;
}

/** One request the fake saw. Never carries a key value: only which auth header was present. */
export interface RequestLog {
  provider: Provider | null;
  method: string;
  path: string;
  /** Query parameters; a `key` parameter is shown as "[redacted]". */
  query: Record<string, string>;
  /** Which credential was presented: "authorization", "x-api-key", "x-goog-api-key", "query-key", or null. */
  auth: string | null;
  /** The metadata document asked for, if the request was for one. */
  metadata?: MetadataSource;
  /** Whether a metadata request carried If-None-Match or If-Modified-Since. */
  conditional?: boolean;
  /** HTTP status answered; 0 when the request was left hanging (timeout fault). */
  status: number;
  at: string;
}

export interface FakeProvidersOptions {
  port?: number;
  host?: string;
  /** Delay before every provider answer (each page), in ms. */
  latencyMs?: number;
  /** Starting era; default "2025". */
  era?: Era;
  /** Wire-format listings that replace the era's data for some providers. */
  listings?: Partial<Record<Provider, unknown[]>>;
  keys?: Partial<Record<Provider, string>>;
}

export interface FakeProviders {
  url: string;
  baseUrls: Record<Provider, string>;
  keys: Record<Provider, string>;
  setFault(provider: Provider, fault: Fault, opts?: FaultOptions): void;
  setListing(provider: Provider, wireModels: unknown[]): void;
  /** Delay before every answer, for one provider or (without provider) all of them; reset() restores the start value. */
  setLatency(latencyMs: number, provider?: Provider): void;
  useEra(era: Era): void;
  /** Makes one model's retrieve and generation probes fail ("404" for a listed id, "403", "429", "timeout"); "none" clears it. */
  setProbeFault(provider: Provider, model: string, fault: "none" | "404" | "403" | "429" | "timeout"): void;
  /** Where the fake serves each metadata document (MODELS_DEV_URL, LITELLM_MODEL_MAP_URL). */
  metadataUrls: Record<MetadataSource, string>;
  setMetadataFault(source: MetadataSource, fault: MetadataFault): void;
  /** Serves another document for a source, with a new ETag and Last-Modified (now). */
  setMetadataDocument(source: MetadataSource, document: unknown): void;
  /** Back to the start: no faults, starting listings and metadata documents, empty request log. */
  reset(): void;
  requests(): RequestLog[];
  close(): Promise<void>;
}
