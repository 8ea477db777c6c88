import { otherMethods, withRoute } from "@/lib/api/with-route";
import { healthDetails, probeDatabase } from "@/lib/health";

const NO_STORE = { "Cache-Control": "no-store" };

// GET /api/health: liveness for anyone; ?ready=1 also asks the database (503 while it is unreachable);
// a read key (or the admin token) adds the database, last run and snapshot details.
export const GET = withRoute("public", async ({ searchParams, principal }) => {
  const ready = searchParams.get("ready") === "1";
  const detailed = principal?.role === "reader" || principal?.role === "admin";
  if (detailed) {
    const details = await healthDetails();
    const down = ready && !details.database.reachable;
    return Response.json({ ok: !down, ...(ready ? { ready: !down } : {}), ...details }, { status: down ? 503 : 200, headers: NO_STORE });
  }
  if (!ready) return Response.json({ ok: true }, { headers: NO_STORE });
  const { reachable } = await probeDatabase();
  return Response.json({ ok: reachable, ready: reachable }, { status: reachable ? 200 : 503, headers: NO_STORE });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
