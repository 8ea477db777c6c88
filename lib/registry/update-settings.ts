import { getProviderSettings, setAllowPreviewDefaults, type ProviderSettings } from "@/lib/db/settings-repo";
import type { Provider } from "@/lib/domain";
import { adminChange } from "./admin-change";
import { recomputeDefaults } from "./recompute";
import type { Action, DefaultChange } from "./types";

/** Allows or forbids preview defaults for a provider and re-picks its unpinned defaults accordingly. */
export async function updateProviderSettings({
  ctx,
  input,
}: Action<{ provider: Provider; allow_preview_defaults: boolean }>): Promise<{ settings: ProviderSettings; changes: DefaultChange[] }> {
  return adminChange(ctx.db, async (tx) => {
    await setAllowPreviewDefaults(tx, input.provider, input.allow_preview_defaults, ctx.actor);
    const changes = await recomputeDefaults(tx, input.provider, {
      reason: `admin: preview defaults ${input.allow_preview_defaults ? "allowed" : "forbidden"}`,
      changedBy: ctx.actor,
    });
    return { settings: await getProviderSettings(tx), changes };
  });
}
