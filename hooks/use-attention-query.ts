import { useQuery } from "@tanstack/react-query";
import type { AttentionResponse } from "@/lib/api/schemas";
import { apiFetch, type ApiClientError } from "./api-fetch";
import { attentionKeys } from "./keys";

export type { AttentionItemWire, MetadataSourceWire } from "@/lib/api/schemas";

/** What an admin must act on (most urgent first) and the metadata sources' state. */
export async function fetchAttention({ signal }: { signal?: AbortSignal } = {}): Promise<AttentionResponse> {
  return apiFetch<AttentionResponse>("/api/admin/attention", { signal });
}

export function useAttentionQuery() {
  return useQuery<AttentionResponse, ApiClientError>({
    queryKey: attentionKeys.all,
    queryFn: ({ signal }) => fetchAttention({ signal }),
  });
}
