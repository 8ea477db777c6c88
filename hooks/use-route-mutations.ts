import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { RouteInput } from "@/lib/registry/route-schema";
import { apiFetch, type ApiClientError } from "./api-fetch";
import { routeKeys } from "./keys";
import type { RegistryMutationOptions } from "./model-mutation";

type Ok = { success: true } & Record<string, unknown>;
export interface SaveRouteVars {
  /** The route's name before the edit; absent for a new route. */
  original?: string;
  route: RouteInput;
}

const routePath = (name: string) => `/api/admin/routes/${encodeURIComponent(name)}`;

export const saveRoute = ({ original, route }: SaveRouteVars) =>
  original ? apiFetch<Ok>(routePath(original), { method: "PUT", body: route }) : apiFetch<Ok>("/api/admin/routes", { method: "POST", body: route });
export const removeRoute = (name: string) => apiFetch<Ok>(routePath(name), { method: "DELETE" });

/** A route mutation that marks the route list stale before the caller's onSuccess. */
function useRouteMutation<TVars>(mutationFn: (v: TVars) => Promise<Ok>, { onSuccess, ...options }: RegistryMutationOptions<Ok, TVars> = {}) {
  const qc = useQueryClient();
  return useMutation<Ok, ApiClientError, TVars>({
    mutationFn,
    async onSuccess(data, vars, onMutateResult, context) {
      await qc.invalidateQueries({ queryKey: routeKeys.all });
      await onSuccess?.(data, vars, onMutateResult, context);
    },
    ...options,
  });
}

export const useSaveRouteMutation = (o?: RegistryMutationOptions<Ok, SaveRouteVars>) => useRouteMutation(saveRoute, o);
export const useDeleteRouteMutation = (o?: RegistryMutationOptions<Ok, string>) => useRouteMutation(removeRoute, o);
