import { getCatalog } from "@/lib/catalog";
import type { ModelRow } from "@/lib/db/model-row";
import { PROVIDERS } from "@/lib/domain";
import { registryRow } from "./discovery-fixtures";

/** The registry as the catalog seeds it, as plain rows for pure tests (figures, defaults, previews). */
export function catalogRows(): ModelRow[] {
  const cat = getCatalog();
  return PROVIDERS.flatMap((p) =>
    cat.providers[p].models.map((m) =>
      registryRow(p, m.model_name, m.tier, {
        aliases: m.aliases, is_preview: m.preview, release_date: m.release_date, capabilities: m.capabilities,
        pricing: { ...m.pricing, cache_read_per_mtok: null, cache_write_per_mtok: null, input_above_200k_per_mtok: null, output_above_200k_per_mtok: null },
        context_window: m.context_window, max_tokens: m.max_tokens, shutdown_date: m.shutdown_date ?? null,
        is_default: cat.providers[p].defaults.flagship === m.model_name || cat.providers[p].defaults.fast === m.model_name,
      }),
    ),
  );
}
