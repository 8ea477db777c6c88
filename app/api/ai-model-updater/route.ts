import { readJsonBody } from "@/lib/api/body";
import { otherMethods, withRoute } from "@/lib/api/with-route";
import { triggerDiscovery } from "@/lib/api/discovery";
import { discoverBodySchema } from "@/lib/api/schemas";

// Four providers with retries can take a while; Vercel allows up to this many seconds.
export const maxDuration = 300;

// GET: Vercel Cron (Authorization: Bearer CRON_SECRET) runs discovery and gets the run summary.
export const GET = withRoute("cron", async ({ principal }) => {
  return { ...(await triggerDiscovery({ trigger: principal?.role === "admin" ? "admin" : "cron", triggeredBy: principal?.id, wait: true })) };
});

// POST: an admin runs discovery; { "wait": false } answers 202 with the run id to poll.
export const POST = withRoute("admin", async ({ req, principal }) => {
  const { wait, trigger } = await readJsonBody(req, discoverBodySchema);
  const result = await triggerDiscovery({ trigger, triggeredBy: principal?.id, wait });
  if (!wait) return Response.json(result, { status: 202, headers: { "Cache-Control": "no-store" } });
  return { ...result };
});

export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);
