import { useMutation, useQueryClient, type UseMutationOptions } from "@tanstack/react-query";
import type { ApiClientError } from "./api-fetch";
import { invalidateRegistry } from "./invalidate";

export type RegistryMutationOptions<TData, TVars> = Omit<UseMutationOptions<TData, ApiClientError, TVars>, "mutationFn">;

/** A mutation of the registry that invalidates its lists and defaults before the caller's onSuccess runs. */
export function useRegistryMutation<TData, TVars>(
  mutationFn: (vars: TVars) => Promise<TData>,
  { onSuccess, ...options }: RegistryMutationOptions<TData, TVars> = {},
) {
  const qc = useQueryClient();
  return useMutation<TData, ApiClientError, TVars>({
    mutationFn,
    async onSuccess(data, vars, onMutateResult, context) {
      await invalidateRegistry(qc);
      await onSuccess?.(data, vars, onMutateResult, context);
    },
    ...options,
  });
}
