import { useQuery } from "@tanstack/react-query";
import type { KeysResponse, KeyUsageResponse, ServiceKeyWire, UsageTarget } from "@/lib/api/key-schemas";
import { apiFetch, type ApiClientError } from "./api-fetch";
import { serviceKeyKeys } from "./keys";

export type { KeyUsageResponse, ServiceKeyWire, UsageTarget };

/** Every service key, live ones first (never a secret). */
export async function fetchServiceKeys({ signal }: { signal?: AbortSignal } = {}): Promise<ServiceKeyWire[]> {
  return (await apiFetch<KeysResponse>("/api/admin/keys", { signal })).keys;
}

/** Per slot, route and select, the services that read it in the last 30 days. */
export async function fetchKeyUsage({ signal }: { signal?: AbortSignal } = {}): Promise<KeyUsageResponse> {
  return apiFetch<KeyUsageResponse>("/api/admin/keys/usage", { signal });
}

export function useServiceKeysQuery() {
  return useQuery<ServiceKeyWire[], ApiClientError>({ queryKey: serviceKeyKeys.list, queryFn: ({ signal }) => fetchServiceKeys({ signal }) });
}

export function useKeyUsageQuery() {
  return useQuery<KeyUsageResponse, ApiClientError>({ queryKey: serviceKeyKeys.usage, queryFn: ({ signal }) => fetchKeyUsage({ signal }), refetchInterval: 60_000 });
}
