/** Who made a request. `admin` may do everything; `reader` only reads the config API; `cron` only runs discovery. */
export interface Principal {
  role: "admin" | "reader" | "cron";
  /** A label for logs and the audit table, never the secret itself. */
  id: string;
}
