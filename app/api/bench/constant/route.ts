import { randomUUID } from "node:crypto";
import { getFallbackDefault } from "@/lib/catalog";
import { configFromCatalog } from "@/lib/config/answer";
import { prepareEtag, type PreparedBody } from "@/lib/config/http";
import { otherMethods } from "@/lib/api/with-route";
import { readEnv } from "@/lib/env";

// A constant answer of the config API's size, without auth or database: the benchmark's measure of what
// Next itself costs per request. With ?headers=config it carries the config answer's headers too (cache
// headers, ETag, a request id), so the bench can tell Next's cost of those headers from our route's own work.
// It exists only when the benchmark starts the app with AMM_BENCH=1.
export const dynamic = "force-dynamic";

let prepared: PreparedBody | undefined;

export function GET(req: Request): Response {
  if (!readEnv("AMM_BENCH")) {
    return Response.json({ success: false, error: { code: "not_found", message: "Not found" } }, { status: 404 });
  }
  prepared ??= prepareEtag({ success: true, ...configFromCatalog("openai", getFallbackDefault("openai", "flagship")) }, { ignore: ["source"] });
  const withHeaders = new URL(req.url).searchParams.get("headers") === "config";
  const headers: Record<string, string> = withHeaders ? { ...prepared.ok, "X-Request-Id": randomUUID() } : { "content-type": "application/json" };
  return new Response(prepared.json, { headers });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
