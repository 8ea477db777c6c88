import { otherMethods, withRoute } from "@/lib/api/with-route";
import { getRunForApi } from "@/lib/api/discovery";

// GET /api/ai-model-updater/runs/<id>: one run with per-provider progress, for the UI to poll.
export const GET = withRoute<{ id: string }>("admin", async ({ params }) => {
  return { success: true, run: await getRunForApi(params.id) };
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
