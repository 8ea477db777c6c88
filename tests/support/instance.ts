// One app instance in its own process, as `npm start` runs it minus Next: the in-process schedule (version
// watch) of instrumentation, and the config routes plus the admin pin and service-key routes over real HTTP. Prints its URL.
// `tsx tests/support/instance.ts` with DATABASE_URL, ADMIN_TOKEN, CONFIG_API_KEYS in the environment.
import * as keyRoute from "@/app/api/admin/keys/[id]/route";
import * as keysRoute from "@/app/api/admin/keys/route";
import * as pinRoute from "@/app/api/admin/models/[id]/pin/route";
import { registerNode } from "@/lib/instrumentation-node";
import { CONFIG_ROUTES, startAppServer } from "./app-server";

await registerNode();
const server = await startAppServer({ routes: [...CONFIG_ROUTES, { path: "/api/admin/models/[id]/pin", module: pinRoute },
  { path: "/api/admin/keys", module: keysRoute },
  { path: "/api/admin/keys/[id]", module: keyRoute },
] });
console.log(`instance ${server.url}`);
process.on("SIGTERM", () => void server.close().then(() => process.exit(0)));
