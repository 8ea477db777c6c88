import { getFallbackDefault } from "@/lib/catalog";
import { configFromCatalog } from "@/lib/config/answer";
import { otherMethods } from "@/lib/api/with-route";
import { readEnv } from "@/lib/env";

// A constant answer of the config API's size, without auth or database: the benchmark's measure of what
// Next itself costs per request. It exists only when the benchmark starts the app with AMM_BENCH=1.
export const dynamic = "force-dynamic";

let body: string | undefined;

export function GET(): Response {
  if (!readEnv("AMM_BENCH")) {
    return Response.json({ success: false, error: { code: "not_found", message: "Not found" } }, { status: 404 });
  }
  body ??= JSON.stringify({ success: true, ...configFromCatalog("openai", getFallbackDefault("openai", "flagship")) });
  return new Response(body, { headers: { "content-type": "application/json" } });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
