import { describe, expect, it } from "vitest";
import { callRoute } from "@/tests/support/config-fixtures";
import { GET, POST } from "./route";

const PATH = "/api/ai-model-config/openapi.json";

describe("GET /api/ai-model-config/openapi.json", () => {
  it("answers an OpenAPI 3.1 document without any credential", async () => {
    const { status, json } = await callRoute(GET, PATH, { token: null });
    expect(status).toBe(200);
    expect(json.openapi).toBe("3.1.0");
    expect(json.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("documents every route of the config API with its methods", async () => {
    const { json } = await callRoute(GET, PATH, { token: null });
    const ops = Object.entries(json.paths as Record<string, Record<string, unknown>>).flatMap(([p, m]) => Object.keys(m).map((k) => `${k.toUpperCase()} ${p}`));
    expect(ops.sort()).toEqual(
      [
        "GET /api/ai-model-config",
        "POST /api/ai-model-config",
        "GET /api/ai-model-config/providers",
        "GET /api/ai-model-config/all",
        "GET /api/ai-model-config/history",
        "POST /api/ai-model-config/validate",
        "GET /api/ai-model-config/select",
        "POST /api/ai-model-config/select",
        "GET /api/ai-model-config/routes/{name}",
        "GET /api/ai-model-config/openapi.json",
      ].sort(),
    );
  });

  it("documents the answer headers: ETag on cached answers, Sunset and Deprecation on a model's answer, X-Request-Id on all", async () => {
    const { json } = await callRoute(GET, PATH, { token: null });
    const headersOf = (path: string, method: string) => Object.keys(json.paths[path][method].responses["200"].headers ?? {}).sort();
    const model = ["Deprecation", "ETag", "Sunset", "X-Request-Id"];
    expect(headersOf("/api/ai-model-config", "get")).toEqual(model);
    expect(headersOf("/api/ai-model-config", "post")).toEqual(model);
    expect(headersOf("/api/ai-model-config/select", "get")).toEqual(model);
    expect(headersOf("/api/ai-model-config/select", "post")).toEqual(model);
    expect(headersOf("/api/ai-model-config/routes/{name}", "get")).toEqual(model);
    expect(headersOf("/api/ai-model-config/providers", "get")).toEqual(["ETag", "X-Request-Id"]);
    expect(headersOf("/api/ai-model-config/all", "get")).toEqual(["X-Request-Id"]);
  });

  it("generates the parameters and answer shapes from the route schemas", async () => {
    const { json } = await callRoute(GET, PATH, { token: null });
    const params = json.paths["/api/ai-model-config"].get.parameters;
    expect(params.find((p: { name: string }) => p.name === "provider")).toMatchObject({
      required: true,
      schema: { enum: ["openai", "anthropic", "google", "mistral"] },
    });
    expect(params.find((p: { name: string }) => p.name === "type")).toMatchObject({ required: false, schema: { default: "flagship" } });
    const answer = json.components.schemas.ModelConfigResponse;
    expect(answer.required).toEqual(expect.arrayContaining(["success", "model_name", "provider", "model_type", "capabilities", "pricing", "context_window", "max_tokens", "source"]));
    expect(answer.properties.source.enum).toEqual(["database", "cache", "fallback"]);
    const limit = json.paths["/api/ai-model-config/history"].get.parameters[0];
    expect(limit).toMatchObject({ name: "limit", schema: { minimum: 1, maximum: 100 } });
  });

  it("documents every select parameter with its values, and the answers' alternatives, matched and chain", async () => {
    const { json } = await callRoute(GET, PATH, { token: null });
    const params = json.paths["/api/ai-model-config/select"].get.parameters;
    expect(params.map((p: { name: string }) => p.name).sort()).toEqual(
      ["capabilities", "include_preview", "max_input_price", "max_output_price", "min_context", "min_output", "order", "providers", "type"],
    );
    expect(params.find((p: { name: string }) => p.name === "type").schema).toMatchObject({ enum: ["flagship", "fast", "legacy", "any"], default: "any" });
    expect(json.components.schemas.SelectResponse.required).toEqual(expect.arrayContaining(["model_name", "alternatives", "matched"]));
    expect(json.components.schemas.RouteResponse.required).toEqual(expect.arrayContaining(["model_name", "route", "chain"]));
    expect(json.paths["/api/ai-model-config/routes/{name}"].get.responses["404"]).toBeDefined();
    expect(json.webhooks["route.changed"].post.requestBody.content["application/json"].schema.properties.data).toEqual({ $ref: "#/components/schemas/RouteChangedData" });
    expect(json.components.schemas.RouteChangedData.properties.action.enum).toEqual(["created", "updated", "deleted"]);
  });

  it("refuses POST with 405", async () => {
    expect((await callRoute(POST, PATH, { method: "POST", token: null })).status).toBe(405);
  });
});
