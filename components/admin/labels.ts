import { PROVIDER_LABELS, type Provider } from "@/lib/domain";


export function providerLabel(p: string | null | undefined): string {
  return p ? (PROVIDER_LABELS[p as Provider] ?? p) : "—";
}

export const TRIGGER_LABEL: Record<string, string> = { cron: "Scheduled", admin: "Admin", cli: "CLI", manual: "Manual" };
