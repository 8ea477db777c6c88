import { nextRoutes } from "@/lib/api/web-host";
import { validateRoute } from "@/lib/config/read-routes";

// POST /api/ai-model-config/validate { provider, model_name } (lib/config/read-routes.ts).
export const { GET, POST, PUT, PATCH, DELETE } = nextRoutes(validateRoute);
