import { otherMethods, withRoute } from "@/lib/api/with-route";
import { getDb } from "@/lib/db/client";
import { dailyCheckAndDeliver } from "@/lib/notify/schedule";

export const maxDuration = 300;

// GET /api/cron/daily (Vercel Cron, Bearer CRON_SECRET): soak promotions, retiring notices, outbox retries; no listing.
export const GET = withRoute("cron", async () => {
  return { success: true, ...(await dailyCheckAndDeliver(await getDb())) };
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
