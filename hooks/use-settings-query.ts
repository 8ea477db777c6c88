import { useQuery } from "@tanstack/react-query";
import type { ProviderSettingsMap, SettingsResponse } from "@/lib/api/schemas";
import { apiFetch, type ApiClientError } from "./api-fetch";
import { settingsKeys } from "./keys";

export type { ProviderSettingsMap };

/** Per-provider settings that steer the choice of defaults (may a preview model be one?). */
export async function fetchSettings({ signal }: { signal?: AbortSignal } = {}): Promise<ProviderSettingsMap> {
  const body = await apiFetch<SettingsResponse>("/api/admin/settings", { signal });
  return body.providers as ProviderSettingsMap;
}

export function useSettingsQuery() {
  return useQuery<ProviderSettingsMap, ApiClientError>({
    queryKey: settingsKeys.all,
    queryFn: ({ signal }) => fetchSettings({ signal }),
  });
}
