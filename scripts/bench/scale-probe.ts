// Profiles one 20,000-model plan + apply and a snapshot load on PGlite: `tsx --cpu-prof scripts/bench/scale-probe.ts`.
import { loadSnapshot } from "../../lib/config/snapshot";
import { openPglite } from "../../lib/db/drivers/pglite";
import { migrate } from "../../lib/db/migrate";
import { seedFromCatalog } from "../../lib/db/seed";
import { syntheticListings, timeApply } from "./discovery";

const db = await openPglite("memory");
await migrate(db);
await seedFromCatalog(db);
const listings = syntheticListings(20_000);
console.log("apply", (await timeApply(db, listings)).toFixed(0));
console.log("again", (await timeApply(db, listings)).toFixed(0));
const t = performance.now();
await loadSnapshot(db);
console.log("snapshot", (performance.now() - t).toFixed(0));
await db.close();
process.exit(0);
