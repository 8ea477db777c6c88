import { catalogRegistryRows } from "@/lib/catalog/registry-rows";
import type { ModelRow } from "@/lib/db/model-row";

/** The registry as the catalog seeds it, as plain rows for pure tests (figures, defaults, previews): a copy to edit. */
export function catalogRows(): ModelRow[] {
  return [...catalogRegistryRows()];
}
