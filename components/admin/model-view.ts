// Client-side filtering, search and sorting of the model table (the registry is small: one fetch, then this).
import type { ModelRowWire as ModelRow } from "@/lib/config/schemas";
import { PROVIDERS, TIERS, type Provider, type Tier } from "@/lib/domain";

export const STATUS_FILTERS = {
  all: "Any status",
  active: "Active",
  inactive: "Inactive",
  default: "Default",
  pinned: "Pinned",
  needs_review: "Needs review",
  preview: "Preview",
  shutting_down: "Shutting down",
} as const;
export type StatusFilter = keyof typeof STATUS_FILTERS;

export interface ModelFilterState {
  provider: Provider | "all";
  tier: Tier | "all";
  status: StatusFilter;
  search: string;
}
export const INITIAL_FILTERS: ModelFilterState = { provider: "all", tier: "all", status: "all", search: "" };

export type SortKey = "name" | "provider" | "tier" | "input" | "output" | "context" | "discovered";
export interface SortState {
  key: SortKey;
  dir: "asc" | "desc";
}

function matchesStatus(m: ModelRow, status: StatusFilter): boolean {
  switch (status) {
    case "all":
      return true;
    case "active":
      return m.is_active;
    case "inactive":
      return !m.is_active;
    case "default":
      return m.is_default;
    case "pinned":
      return m.is_pinned;
    case "needs_review":
      return m.needs_review;
    case "preview":
      return m.is_preview;
    case "shutting_down":
      return m.shutdown_date !== null;
  }
}

/** Models matching every filter; the search looks at name, display name, family and aliases, case-insensitively. */
export function filterModels(models: ModelRow[], f: ModelFilterState): ModelRow[] {
  const q = f.search.trim().toLowerCase();
  return models.filter(
    (m) =>
      (f.provider === "all" || m.provider === f.provider) &&
      (f.tier === "all" || m.model_type === f.tier) &&
      matchesStatus(m, f.status) &&
      (!q ||
        [m.model_name, m.display_name ?? "", m.family ?? "", ...m.aliases].some((s) => s.toLowerCase().includes(q))),
  );
}

function sortValue(m: ModelRow, key: SortKey): string | number | null {
  switch (key) {
    case "name":
      return m.model_name.toLowerCase();
    case "provider":
      return PROVIDERS.indexOf(m.provider);
    case "tier":
      return TIERS.indexOf(m.model_type);
    case "input":
      return m.pricing.input_per_mtok;
    case "output":
      return m.pricing.output_per_mtok;
    case "context":
      return m.context_window;
    case "discovered":
      return Date.parse(m.discovered_at);
  }
}

/** A sorted copy; unknown values (no price, no context window) always go last, ties keep the server order. */
export function sortModels(models: ModelRow[], sort: SortState): ModelRow[] {
  const sign = sort.dir === "asc" ? 1 : -1;
  return models
    .map((m, i) => ({ m, i, v: sortValue(m, sort.key) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1;
      if (a.v < b.v) return -sign;
      if (a.v > b.v) return sign;
      return a.i - b.i;
    })
    .map(({ m }) => m);
}

/** Clicking a column sorts by it ascending (dates and numbers descending first); again flips the direction. */
export function nextSort(current: SortState | null, key: SortKey): SortState {
  if (current?.key === key) return { key, dir: current.dir === "asc" ? "desc" : "asc" };
  const numeric = key === "input" || key === "output" || key === "context" || key === "discovered";
  return { key, dir: numeric ? "desc" : "asc" };
}
