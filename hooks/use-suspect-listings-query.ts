import { useQuery } from "@tanstack/react-query";
import type { SuspectListingsResponse, SuspectListingWire } from "@/lib/api/schemas";
import { apiFetch, type ApiClientError } from "./api-fetch";
import { suspectListingKeys } from "./keys";

export type { SuspectListingWire };

/** The listings the vanish guard held: their missing models stay active until an admin accepts. */
export async function fetchSuspectListings({ signal }: { signal?: AbortSignal } = {}): Promise<SuspectListingWire[]> {
  return (await apiFetch<SuspectListingsResponse>("/api/admin/suspect-listings", { signal })).listings;
}

export function useSuspectListingsQuery() {
  return useQuery<SuspectListingWire[], ApiClientError>({
    queryKey: suspectListingKeys.all,
    queryFn: ({ signal }) => fetchSuspectListings({ signal }),
  });
}
