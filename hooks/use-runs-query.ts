import { useQuery, type UseQueryOptions } from "@tanstack/react-query";
import { apiFetch, type ApiClientError } from "./api-fetch";
import { runKeys } from "./keys";
import type { HistoryResponse as RunsResponse, RunRowWire as RunRow } from "@/lib/config/schemas";

export const DEFAULT_RUNS_LIMIT = 20;

/** The newest discovery runs first. */
export async function fetchRuns({ limit = DEFAULT_RUNS_LIMIT, signal }: { limit?: number; signal?: AbortSignal } = {}): Promise<RunRow[]> {
  const body = await apiFetch<RunsResponse>(`/api/ai-model-config/history?limit=${limit}`, { signal });
  return body.logs;
}

type Options = Omit<UseQueryOptions<RunRow[], ApiClientError>, "queryKey" | "queryFn">;

export function useRunsQuery({ limit = DEFAULT_RUNS_LIMIT, ...options }: Options & { limit?: number } = {}) {
  return useQuery<RunRow[], ApiClientError>({
    queryKey: runKeys.list(limit),
    queryFn: ({ signal }) => fetchRuns({ limit, signal }),
    ...options,
  });
}
