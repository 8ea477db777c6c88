// `npm run db:migrate`: apply supabase/migrations to DATABASE_URL (any driver) and seed an empty registry.
import { openDb } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { seedFromCatalog } from "../lib/db/seed";

// A migration may rewrite a large table: the app's 1.5 s statement timeout is for serving requests.
process.env.DATABASE_STATEMENT_TIMEOUT_MS ??= "0";

async function main(): Promise<void> {
  const db = await openDb(process.env.DATABASE_URL, { migrate: false });
  try {
    const applied = await migrate(db);
    const seeded = await seedFromCatalog(db);
    console.log(applied.length ? `Applied ${applied.join(", ")}` : "Migrations: up to date");
    if (seeded) console.log(`Seeded ${seeded} models from the built-in catalog`);
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
