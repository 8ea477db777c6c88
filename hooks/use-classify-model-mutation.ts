import type { Tier } from "@/lib/domain";
import { apiFetch } from "./api-fetch";
import { useRegistryMutation, type RegistryMutationOptions } from "./model-mutation";
import type { ModelChangeResponse } from "./use-pin-model-mutation";

export interface ClassifyModelVars {
  id: string;
  model_type: Tier;
  family?: string;
}

/** Sets a model's tier by hand (clears needs_review). */
export async function classifyModel({ id, model_type, family }: ClassifyModelVars): Promise<ModelChangeResponse> {
  return apiFetch<ModelChangeResponse>(`/api/admin/models/${encodeURIComponent(id)}/classify`, {
    method: "POST",
    body: family ? { model_type, family } : { model_type },
  });
}

export function useClassifyModelMutation(options: RegistryMutationOptions<ModelChangeResponse, ClassifyModelVars> = {}) {
  return useRegistryMutation(classifyModel, options);
}
