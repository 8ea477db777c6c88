import { useMutation, useQueryClient, type UseMutationOptions } from "@tanstack/react-query";
import { ApiClientError, apiFetch } from "./api-fetch";
import { runKeys } from "./keys";
import type { RunStartedResponse as StartRunResponse } from "@/lib/api/schemas";

/** A started run, or the one already under way (the route answered 409 with its id). */
export interface DiscoverResult {
  run_id: string;
  already_running: boolean;
}

/** Starts a discovery run without waiting for it; a run already under way is returned, not thrown. */
export async function startDiscovery(): Promise<DiscoverResult> {
  try {
    const body = await apiFetch<StartRunResponse>("/api/ai-model-updater", { method: "POST", body: { wait: false } });
    return { run_id: body.run_id, already_running: false };
  } catch (err) {
    if (err instanceof ApiClientError && err.status === 409 && typeof err.body.run_id === "string") {
      return { run_id: err.body.run_id, already_running: true };
    }
    throw err;
  }
}

type Options = Omit<UseMutationOptions<DiscoverResult, ApiClientError, void>, "mutationFn">;

/** Starts discovery; the run list is invalidated (it now holds the running run) before the caller's onSuccess. */
export function useDiscoverMutation({ onSuccess, ...options }: Options = {}) {
  const qc = useQueryClient();
  return useMutation<DiscoverResult, ApiClientError, void>({
    mutationFn: () => startDiscovery(),
    async onSuccess(data, vars, onMutateResult, context) {
      await qc.invalidateQueries({ queryKey: runKeys.list() });
      await onSuccess?.(data, vars, onMutateResult, context);
    },
    ...options,
  });
}
