import { useQuery } from "@tanstack/react-query";
import { apiFetch, type ApiClientError } from "./api-fetch";
import { modelKeys } from "./keys";
import type { ModelDetailResponse } from "@/lib/api/schemas";

/** One model with the history of default changes of its provider and tier. */
export async function fetchModelDetail({ id, signal }: { id: string; signal?: AbortSignal }): Promise<ModelDetailResponse> {
  return apiFetch<ModelDetailResponse>(`/api/admin/models/${encodeURIComponent(id)}`, { signal });
}

export function useModelDetailQuery(id: string | null | undefined) {
  return useQuery<ModelDetailResponse, ApiClientError>({
    queryKey: modelKeys.detail(id ?? ""),
    queryFn: ({ signal }) => fetchModelDetail({ id: id as string, signal }),
    enabled: Boolean(id),
  });
}
