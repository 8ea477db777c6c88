import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { DefaultTier, Provider } from "@/lib/domain";
import type { Policy } from "@/lib/db/policies-repo";
import { apiFetch, type ApiClientError } from "./api-fetch";
import { invalidateRegistry } from "./invalidate";
import { rolloutKeys } from "./keys";
import type { RegistryMutationOptions } from "./model-mutation";

export interface SlotPolicyVars {
  provider: Provider;
  model_type: DefaultTier;
  policy: Policy;
  soak_days?: number;
}
export interface PendingDecisionVars {
  id: string;
  decision: "approve" | "reject";
}
export interface RestoreVars {
  provider: Provider;
  model_type: DefaultTier;
  change_id: string;
}
type Ok = { success: true } & Record<string, unknown>;

const slotPath = (p: Provider, t: DefaultTier) => `/api/admin/slots/${encodeURIComponent(p)}/${encodeURIComponent(t)}`;

export const setSlotPolicy = ({ provider, model_type, ...body }: SlotPolicyVars) => apiFetch<Ok>(slotPath(provider, model_type), { method: "PUT", body });
export const decidePending = ({ id, decision }: PendingDecisionVars) => apiFetch<Ok>(`/api/admin/pending/${encodeURIComponent(id)}/${decision}`, { method: "POST", body: {} });
export const restoreDefault = ({ provider, model_type, change_id }: RestoreVars) => apiFetch<Ok>(`${slotPath(provider, model_type)}/restore`, { method: "POST", body: { change_id } });
export const sendTestEvent = () => apiFetch<Ok & { deliveries: unknown[] }>("/api/admin/deliveries/test", { method: "POST", body: {} });

/** A rollout mutation that marks the registry and the rollout views stale before the caller's onSuccess. */
function useRolloutMutation<TData, TVars>(mutationFn: (v: TVars) => Promise<TData>, { onSuccess, ...options }: RegistryMutationOptions<TData, TVars> = {}) {
  const qc = useQueryClient();
  return useMutation<TData, ApiClientError, TVars>({
    mutationFn,
    async onSuccess(data, vars, onMutateResult, context) {
      await Promise.all([invalidateRegistry(qc), qc.invalidateQueries({ queryKey: ["rollout"] })]);
      await onSuccess?.(data, vars, onMutateResult, context);
    },
    ...options,
  });
}

export const useSlotPolicyMutation = (o?: RegistryMutationOptions<Ok, SlotPolicyVars>) => useRolloutMutation(setSlotPolicy, o);
export const usePendingDecisionMutation = (o?: RegistryMutationOptions<Ok, PendingDecisionVars>) => useRolloutMutation(decidePending, o);
export const useRestoreMutation = (o?: RegistryMutationOptions<Ok, RestoreVars>) => useRolloutMutation(restoreDefault, o);
export const useTestEventMutation = (o?: RegistryMutationOptions<Ok & { deliveries: unknown[] }, void>) => useRolloutMutation(sendTestEvent, o);
export { rolloutKeys };
