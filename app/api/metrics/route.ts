import { otherMethods, withRoute } from "@/lib/api/with-route";
import { renderMetrics } from "@/lib/metrics/scrape";

// GET /api/metrics: Prometheus text, for a read key or the admin token (the series may tell too much to anyone).
export const GET = withRoute("read", async () => {
  const { contentType, body } = await renderMetrics();
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
