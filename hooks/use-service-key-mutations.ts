import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CreateKeyBody, CreateKeyResponse } from "@/lib/api/key-schemas";
import { apiFetch, type ApiClientError } from "./api-fetch";
import { serviceKeyKeys } from "./keys";
import type { RegistryMutationOptions } from "./model-mutation";

type Options<TData, TVars> = RegistryMutationOptions<TData, TVars>;
type Ok = { success: true } & Record<string, unknown>;

export const createServiceKey = (body: CreateKeyBody) => apiFetch<CreateKeyResponse>("/api/admin/keys", { method: "POST", body });
export const revokeServiceKey = ({ id }: { id: string }) => apiFetch<Ok>(`/api/admin/keys/${encodeURIComponent(id)}`, { method: "DELETE" });

/** A service key mutation that marks the key list and usage stale before the caller's onSuccess. */
function useServiceKeyMutation<TData, TVars>(mutationFn: (v: TVars) => Promise<TData>, { onSuccess, ...options }: Options<TData, TVars> = {}) {
  const qc = useQueryClient();
  return useMutation<TData, ApiClientError, TVars>({
    mutationFn,
    async onSuccess(data, vars, onMutateResult, context) {
      await qc.invalidateQueries({ queryKey: serviceKeyKeys.all });
      await onSuccess?.(data, vars, onMutateResult, context);
    },
    ...options,
  });
}

export const useCreateServiceKeyMutation = (o?: Options<CreateKeyResponse, CreateKeyBody>) => useServiceKeyMutation(createServiceKey, o);
export const useRevokeServiceKeyMutation = (o?: Options<Ok, { id: string }>) => useServiceKeyMutation(revokeServiceKey, o);
