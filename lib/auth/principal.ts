import type { Overrides } from "@/lib/keys/overrides";

/** A service key as a request carries it: who reads, and what it reads differently. */
export interface ServiceKeyIdentity {
  id: string;
  name: string;
  overrides: Overrides;
}

/** Who made a request. `admin` may do everything; `reader` only reads the config API; `cron` only runs discovery. */
export interface Principal {
  role: "admin" | "reader" | "cron";
  /** A label for logs and the audit table, never the secret itself. */
  id: string;
  /** Set when the reader is a named service key (not a CONFIG_API_KEYS entry). */
  serviceKey?: ServiceKeyIdentity;
}
