import { useQuery } from "@tanstack/react-query";
import { apiFetch, type ApiClientError } from "./api-fetch";
import { runKeys } from "./keys";
import type { RunResponse } from "@/lib/api/schemas";
import type { RunRowWire as RunRow } from "@/lib/config/schemas";

/** How often a running run is polled. */
export const RUN_POLL_MS = 500;

/** One discovery run with its per-provider progress. */
export async function fetchRun({ id, signal }: { id: string; signal?: AbortSignal }): Promise<RunRow> {
  const body = await apiFetch<RunResponse>(`/api/ai-model-updater/runs/${encodeURIComponent(id)}`, { signal });
  return body.run;
}

/** One run; with `poll`, refetched every RUN_POLL_MS while its status is "running". */
export function useRunQuery(id: string | null | undefined, { poll = false }: { poll?: boolean } = {}) {
  return useQuery<RunRow, ApiClientError>({
    queryKey: runKeys.detail(id ?? ""),
    queryFn: ({ signal }) => fetchRun({ id: id as string, signal }),
    enabled: Boolean(id),
    // Poll while running; stop once it has ended, or when the run cannot be read (the error is shown).
    refetchInterval: (query) =>
      poll && query.state.status !== "error" && (!query.state.data || query.state.data.status === "running") ? RUN_POLL_MS : false,
    refetchIntervalInBackground: true,
    // A transient failure while polling should not end the follow-up.
    retry: 3,
  });
}
