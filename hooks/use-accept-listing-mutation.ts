import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AcceptListingResponse } from "@/lib/api/schemas";
import type { Provider } from "@/lib/domain";
import { apiFetch, type ApiClientError } from "./api-fetch";
import { invalidateRegistry } from "./invalidate";
import { suspectListingKeys } from "./keys";
import type { RegistryMutationOptions } from "./model-mutation";

/** Accepts a provider's held listing: its missing models go inactive, the slots they held move. */
export async function acceptListing(provider: Provider): Promise<AcceptListingResponse> {
  return apiFetch<AcceptListingResponse>(`/api/admin/providers/${provider}/accept-listing`, { method: "POST", body: {} });
}

/** Invalidates the held listings and the registry before the caller's onSuccess. */
export function useAcceptListingMutation({ onSuccess, ...options }: RegistryMutationOptions<AcceptListingResponse, Provider> = {}) {
  const qc = useQueryClient();
  return useMutation<AcceptListingResponse, ApiClientError, Provider>({
    mutationFn: acceptListing,
    async onSuccess(data, vars, onMutateResult, context) {
      await Promise.all([qc.invalidateQueries({ queryKey: suspectListingKeys.all }), invalidateRegistry(qc)]);
      await onSuccess?.(data, vars, onMutateResult, context);
    },
    ...options,
  });
}
