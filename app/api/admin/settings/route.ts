import { readJsonBody } from "@/lib/api/body";
import { otherMethods, withRoute } from "@/lib/api/with-route";
import { getDb } from "@/lib/db/client";
import { getSettings, updateProviderSettings } from "@/lib/discovery/admin-actions";
import { settingsPatchBodySchema } from "@/lib/discovery/api-schemas";

// GET /api/admin/settings: per-provider settings that steer default selection.
export const GET = withRoute("admin", async () => {
  return { success: true, providers: await getSettings(await getDb()) };
});

// PATCH /api/admin/settings { provider, allow_preview_defaults }: also re-picks that provider's unpinned defaults.
export const PATCH = withRoute("admin", async ({ req, principal }) => {
  const body = await readJsonBody(req, settingsPatchBodySchema);
  const { settings, changes } = await updateProviderSettings(await getDb(), body, principal?.id ?? "admin");
  return { success: true, providers: settings, default_changes: changes };
});

export const { POST, PUT, DELETE } = otherMethods(["GET", "PATCH"]);
