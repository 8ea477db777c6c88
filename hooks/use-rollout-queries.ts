import { useQuery } from "@tanstack/react-query";
import type { DeliveriesResponse, PendingWire, SlotWire, PendingResponse, SlotsResponse } from "@/lib/api/rollout-schemas";
import { apiFetch, type ApiClientError } from "./api-fetch";
import { rolloutKeys } from "./keys";

export type { DeliveriesResponse, PendingWire, SlotWire };

/** Every slot with its promotion policy, default and open pending change. */
export async function fetchSlots({ signal }: { signal?: AbortSignal } = {}): Promise<SlotWire[]> {
  return (await apiFetch<SlotsResponse>("/api/admin/slots", { signal })).slots;
}

/** Open pending default changes with both models. */
export async function fetchPending({ signal }: { signal?: AbortSignal } = {}): Promise<PendingWire[]> {
  return (await apiFetch<PendingResponse>("/api/admin/pending", { signal })).pending;
}

/** The webhook deliveries log. */
export async function fetchDeliveries({ signal }: { signal?: AbortSignal } = {}): Promise<DeliveriesResponse> {
  return apiFetch<DeliveriesResponse>("/api/admin/deliveries", { signal });
}

export function useSlotsQuery() {
  return useQuery<SlotWire[], ApiClientError>({ queryKey: rolloutKeys.slots, queryFn: ({ signal }) => fetchSlots({ signal }) });
}

export function usePendingQuery() {
  return useQuery<PendingWire[], ApiClientError>({ queryKey: rolloutKeys.pending, queryFn: ({ signal }) => fetchPending({ signal }) });
}

export function useDeliveriesQuery() {
  return useQuery<DeliveriesResponse, ApiClientError>({ queryKey: rolloutKeys.deliveries, queryFn: ({ signal }) => fetchDeliveries({ signal }), refetchInterval: 15_000 });
}
