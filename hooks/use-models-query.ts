import { useQuery, type UseQueryOptions } from "@tanstack/react-query";
import { apiFetch, type ApiClientError } from "./api-fetch";
import { modelKeys, type ModelListFilters } from "./keys";
import type { AllModelsResponse as ModelsResponse, ModelRowWire as ModelRow } from "@/lib/config/schemas";

export interface FetchModelsArgs {
  filters?: ModelListFilters;
  signal?: AbortSignal;
}

/** Every model of the registry matching the server-side filters. */
export async function fetchModels({ filters = {}, signal }: FetchModelsArgs = {}): Promise<ModelRow[]> {
  const qs = new URLSearchParams();
  if (filters.provider) qs.set("provider", filters.provider);
  if (filters.type) qs.set("type", filters.type);
  if (filters.active !== undefined) qs.set("active", String(filters.active));
  const query = qs.size ? `?${qs}` : "";
  const body = await apiFetch<ModelsResponse>(`/api/ai-model-config/all${query}`, { signal });
  return body.models;
}

type Options = Omit<UseQueryOptions<ModelRow[], ApiClientError>, "queryKey" | "queryFn">;

export function useModelsQuery(filters: ModelListFilters = {}, options: Options = {}) {
  return useQuery<ModelRow[], ApiClientError>({
    queryKey: modelKeys.list(filters),
    queryFn: ({ signal }) => fetchModels({ filters, signal }),
    ...options,
  });
}
