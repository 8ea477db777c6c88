import type { Provider } from "@/lib/domain";

/** How providers are named on screen. */
export const PROVIDER_LABEL: Record<Provider, string> = {
  openai: "OpenAI",
  anthropic: "Anthropic",
  google: "Google",
  mistral: "Mistral",
};

export function providerLabel(p: string | null | undefined): string {
  return p ? (PROVIDER_LABEL[p as Provider] ?? p) : "—";
}

export const TRIGGER_LABEL: Record<string, string> = { cron: "Scheduled", admin: "Admin", cli: "CLI", manual: "Manual" };
