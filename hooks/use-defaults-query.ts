import { useQuery, type UseQueryOptions } from "@tanstack/react-query";
import { apiFetch, type ApiClientError } from "./api-fetch";
import { defaultsKeys } from "./keys";
import type { ProvidersResponse as DefaultsResponse } from "@/lib/config/schemas";

export type DefaultsMap = DefaultsResponse["providers"];

/** The flagship and fast default of every provider, as the config API answers them. */
export async function fetchDefaults({ signal }: { signal?: AbortSignal } = {}): Promise<DefaultsMap> {
  const body = await apiFetch<DefaultsResponse>("/api/ai-model-config/providers", { signal });
  return body.providers;
}

type Options = Omit<UseQueryOptions<DefaultsMap, ApiClientError>, "queryKey" | "queryFn">;

export function useDefaultsQuery(options: Options = {}) {
  return useQuery<DefaultsMap, ApiClientError>({
    queryKey: defaultsKeys.all,
    queryFn: ({ signal }) => fetchDefaults({ signal }),
    ...options,
  });
}
