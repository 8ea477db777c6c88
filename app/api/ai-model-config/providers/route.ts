import { nextRoutes } from "@/lib/api/web-host";
import { providersRoute } from "@/lib/config/read-routes";

// GET /api/ai-model-config/providers: the flagship and fast default of every provider (lib/config/read-routes.ts).
export const { GET, POST, PUT, PATCH, DELETE } = nextRoutes(providersRoute);
