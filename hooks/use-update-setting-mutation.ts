import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Provider } from "@/lib/domain";
import { apiFetch, type ApiClientError } from "./api-fetch";
import { invalidateRegistry } from "./invalidate";
import { settingsKeys } from "./keys";
import type { RegistryMutationOptions } from "./model-mutation";
import type { SettingsUpdateResponse } from "@/lib/api/schemas";

export interface UpdateSettingVars {
  provider: Provider;
  allow_preview_defaults: boolean;
}
export type UpdateSettingResponse = SettingsUpdateResponse;

/** Allows or forbids preview defaults for one provider; the server re-picks that provider's unpinned defaults. */
export async function updateSetting(vars: UpdateSettingVars): Promise<UpdateSettingResponse> {
  return apiFetch<UpdateSettingResponse>("/api/admin/settings", { method: "PATCH", body: vars });
}

/** Invalidates the settings and the registry (defaults may have moved) before the caller's onSuccess. */
export function useUpdateSettingMutation({ onSuccess, ...options }: RegistryMutationOptions<UpdateSettingResponse, UpdateSettingVars> = {}) {
  const qc = useQueryClient();
  return useMutation<UpdateSettingResponse, ApiClientError, UpdateSettingVars>({
    mutationFn: updateSetting,
    async onSuccess(data, vars, onMutateResult, context) {
      await Promise.all([qc.invalidateQueries({ queryKey: settingsKeys.all }), invalidateRegistry(qc)]);
      await onSuccess?.(data, vars, onMutateResult, context);
    },
    ...options,
  });
}
