import { useQuery } from "@tanstack/react-query";
import type { Provider } from "@/lib/domain";
import { apiFetch, type ApiClientError } from "./api-fetch";
import { settingsKeys } from "./keys";

export interface ProviderSettingView {
  allow_preview_defaults: boolean;
  updated_by: string | null;
  updated_at: string | null;
}
export type ProviderSettingsMap = Record<Provider, ProviderSettingView>;

/** Per-provider settings that steer the choice of defaults (may a preview model be one?). */
export async function fetchSettings({ signal }: { signal?: AbortSignal } = {}): Promise<ProviderSettingsMap> {
  const body = await apiFetch<{ success: true; providers: ProviderSettingsMap }>("/api/admin/settings", { signal });
  return body.providers;
}

export function useSettingsQuery() {
  return useQuery<ProviderSettingsMap, ApiClientError>({
    queryKey: settingsKeys.all,
    queryFn: ({ signal }) => fetchSettings({ signal }),
  });
}
