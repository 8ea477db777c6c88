import { useQuery } from "@tanstack/react-query";
import type { RoutePreviewWire, RoutesResponse } from "@/lib/api/route-schemas";
import { apiFetch, type ApiClientError } from "./api-fetch";
import { routeKeys } from "./keys";

export type { RoutePreviewWire };

/** Every route with what it resolves to now. */
export async function fetchRoutes({ signal }: { signal?: AbortSignal } = {}): Promise<RoutePreviewWire[]> {
  return (await apiFetch<RoutesResponse>("/api/admin/routes", { signal })).routes;
}

export function useRoutesQuery() {
  return useQuery<RoutePreviewWire[], ApiClientError>({ queryKey: routeKeys.list(), queryFn: ({ signal }) => fetchRoutes({ signal }) });
}
