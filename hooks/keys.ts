import type { z } from "zod";
import type { allModelsQuerySchema } from "@/lib/config/schemas";

/** Server-side filters of the model list (`/api/ai-model-config/all`), as its query schema reads them. */
export type ModelListFilters = z.output<typeof allModelsQuerySchema>;

/** Query keys of the model registry; `list()` is the prefix of every list, for invalidation. */
export const modelKeys = {
  all: ["models"] as const,
  list: (filters?: ModelListFilters) => (filters ? (["models", "list", filters] as const) : (["models", "list"] as const)),
  detail: (id: string) => ["models", "detail", id] as const,
};

/** Query keys of discovery runs. */
export const runKeys = {
  all: ["runs"] as const,
  list: (limit?: number) => (limit === undefined ? (["runs", "list"] as const) : (["runs", "list", limit] as const)),
  detail: (id: string) => ["runs", "detail", id] as const,
};

/** Query keys of the current defaults per provider and tier. */
export const defaultsKeys = {
  all: ["defaults"] as const,
};

/** Query keys of the per-provider settings. */
export const settingsKeys = {
  all: ["settings"] as const,
};

/** Query keys of the listings the vanish guard held. */
export const suspectListingKeys = {
  all: ["suspect-listings"] as const,
};

/** Query keys of the rollout: slot policies, pending changes, webhook deliveries. */
export const rolloutKeys = {
  slots: ["rollout", "slots"] as const,
  pending: ["rollout", "pending"] as const,
  deliveries: ["rollout", "deliveries"] as const,
};

/** Query keys of what an admin must act on (invalidated with the registry). */
export const attentionKeys = {
  all: ["attention"] as const,
};

/** Query keys of the named routes and their live previews. */
export const routeKeys = {
  all: ["routes"] as const,
  list: () => ["routes", "list"] as const,
};
