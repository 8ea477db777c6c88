import { adminContext } from "@/lib/api/admin-context";
import { readJsonBody } from "@/lib/api/body";
import { settingsPatchBodySchema } from "@/lib/api/schemas";
import { otherMethods, withRoute } from "@/lib/api/with-route";
import { getDb } from "@/lib/db/client";
import { getProviderSettings } from "@/lib/db/settings-repo";
import { updateProviderSettings } from "@/lib/registry/update-settings";

// GET /api/admin/settings: per-provider settings that steer default selection.
export const GET = withRoute("admin", async () => {
  return { success: true, providers: await getProviderSettings(await getDb()) };
});

// PATCH /api/admin/settings { provider, allow_preview_defaults }: also re-picks that provider's unpinned defaults.
export const PATCH = withRoute("admin", async ({ req, principal }) => {
  const body = await readJsonBody(req, settingsPatchBodySchema);
  const { settings, changes } = await updateProviderSettings({ ctx: await adminContext(principal), input: body });
  return { success: true, providers: settings, default_changes: changes };
});

export const { POST, PUT, DELETE } = otherMethods(["GET", "PATCH"]);
