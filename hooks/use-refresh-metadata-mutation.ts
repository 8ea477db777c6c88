import type { MetadataRefreshResponse } from "@/lib/api/schemas";
import { apiFetch } from "./api-fetch";
import { useRegistryMutation, type RegistryMutationOptions } from "./model-mutation";

/** Fetches the metadata sources and re-applies their figures to the registry. */
export async function refreshMetadata(): Promise<MetadataRefreshResponse> {
  return apiFetch<MetadataRefreshResponse>("/api/admin/metadata/refresh", { method: "POST", body: {} });
}

/** Refreshes the metadata; the registry's views (the attention list among them) go stale before onSuccess. */
export function useRefreshMetadataMutation(options: RegistryMutationOptions<MetadataRefreshResponse, void> = {}) {
  return useRegistryMutation<MetadataRefreshResponse, void>(() => refreshMetadata(), options);
}
