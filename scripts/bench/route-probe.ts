// Time of one fast-path answer in process (no HTTP): the route function on a warm snapshot. `tsx scripts/bench/route-probe.ts`.
import { modelConfigRoute } from "../../lib/config/read-routes";
import { setDb } from "../../lib/db/client";
import { openPglite } from "../../lib/db/drivers/pglite";
import { migrate } from "../../lib/db/migrate";
import { seedFromCatalog } from "../../lib/db/seed";

process.env.CONFIG_API_KEYS = "bench-key-0123456789";
process.env.ADMIN_TOKEN = "admin-key-0123456789";
process.env.CRON_SECRET = "cron-secret-0123456789";
const db = await openPglite("memory");
await migrate(db);
await seedFromCatalog(db);
setDb(db);
const headers = new Map([["authorization", "Bearer bench-key-0123456789"], ["host", "127.0.0.1"]]);
const req = () => ({ method: "GET", url: new URL("http://127.0.0.1/api/ai-model-config?provider=openai&type=flagship"), headers: { get: (n: string) => headers.get(n) ?? null }, text: async () => "" });
await modelConfigRoute.GET(req());
const N = Number(process.argv[2] ?? 50_000);
for (let round = 0; round < 3; round++) {
  const start = performance.now();
  for (let i = 0; i < N; i++) await modelConfigRoute.GET(req());
  console.log(`${(((performance.now() - start) * 1000) / N).toFixed(1)} µs per answer`);
}
await db.close();
process.exit(0);
