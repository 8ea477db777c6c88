import { nextRoutes } from "@/lib/api/web-host";
import { modelConfigRoute } from "@/lib/config/read-routes";

// GET /api/ai-model-config?provider=openai&type=flagship, or POST the same as a JSON body (lib/config/read-routes.ts,
// which npm start's node:http front also serves).
export const { GET, POST, PUT, PATCH, DELETE } = nextRoutes(modelConfigRoute);
