import { readEnv } from "@/lib/env";

const SECRET_NAMES = ["ADMIN_TOKEN", "CRON_SECRET", "OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY", "GOOGLE_API_KEY", "MISTRAL_API_KEY", "SUPABASE_SERVICE_ROLE_KEY", "SESSION_SECRET", "ALERT_WEBHOOK_SECRET"] as const;

/** A setting's value, or undefined when it is unset or malformed (redaction must never throw). */
function safeRead(read: () => string | string[] | undefined): string[] {
  try {
    const v = read();
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  } catch {
    return [];
  }
}

/** Secrets the process knows about; their values are cut out of everything we log. */
function secretValues(): string[] {
  // A webhook URL's query string may carry its token (Slack, many receivers): cut it out too.
  const queries = safeRead(() => readEnv("ALERT_WEBHOOK_URLS")).filter((u) => u.includes("?")).map((u) => u.slice(u.indexOf("?") + 1));
  const values = [...SECRET_NAMES.flatMap((n) => safeRead(() => readEnv(n))), ...safeRead(() => readEnv("CONFIG_API_KEYS")), ...queries];
  return values.filter((v) => v.length >= 6);
}

/** Removes known secret values and key-shaped strings from a text before it is logged or stored. */
export function redact(text: string): string {
  let out = text;
  for (const v of secretValues()) out = out.split(v).join("[redacted]");
  return out
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^:@\s/]+:)[^@\s]+@/gi, "$1[redacted]@") // user:password@ in URLs
    .replace(/(sk-(?:ant-)?[A-Za-z0-9_-]{8,})/g, "[redacted]")
    .replace(/amm_sk_[A-Za-z0-9_-]{4,}/g, "[redacted]") // our service key secrets
    .replace(/AIza[0-9A-Za-z_-]{20,}/g, "[redacted]")
    .replace(/([?&]key=)[^&\s]+/g, "$1[redacted]")
    .replace(/(Bearer\s+)[^\s"']+/gi, "$1[redacted]");
}
