import { z } from "zod";
import {
  allModelsQuerySchema,
  allModelsResponseSchema,
  errorResponseSchema,
  historyQuerySchema,
  historyResponseSchema,
  modelConfigBodySchema,
  modelConfigQuerySchema,
  modelConfigResponseSchema,
  providersResponseSchema,
  validateBodySchema,
  validateResponseSchema,
} from "./schemas";
import { EVENT_TYPES } from "@/lib/notify/events";
import { routeChangedDataSchema } from "@/lib/registry/route-audit";
import { routeResponseSchema, selectBodySchema, selectQueryParamsSchema, selectResponseSchema } from "./select-schemas";

type JsonSchema = Record<string, unknown>;

function toSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
  void _drop;
  return rest;
}

// Components are named after the zod schemas they come from, minus the "Schema" suffix.
const COMPONENTS = {
  ModelConfigQuery: [modelConfigQuerySchema, "input"],
  ModelConfigBody: [modelConfigBodySchema, "input"],
  ModelConfigResponse: [modelConfigResponseSchema, "output"],
  ProvidersResponse: [providersResponseSchema, "output"],
  AllModelsQuery: [allModelsQuerySchema, "input"],
  AllModelsResponse: [allModelsResponseSchema, "output"],
  HistoryQuery: [historyQuerySchema, "input"],
  HistoryResponse: [historyResponseSchema, "output"],
  ValidateBody: [validateBodySchema, "input"],
  ValidateResponse: [validateResponseSchema, "output"],
  SelectQuery: [selectQueryParamsSchema, "input"],
  SelectBody: [selectBodySchema, "input"],
  SelectResponse: [selectResponseSchema, "output"],
  RouteResponse: [routeResponseSchema, "output"],
  RouteChangedData: [routeChangedDataSchema, "output"],
  ErrorResponse: [errorResponseSchema, "output"],
} as const satisfies Record<string, readonly [z.ZodType, "input" | "output"]>;

const ref = (name: keyof typeof COMPONENTS) => ({ $ref: `#/components/schemas/${name}` });

/** Query parameters from a query schema's properties (the names, types, descriptions and required flags). */
function queryParameters(schema: z.ZodType): JsonSchema[] {
  const json = toSchema(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    ...(typeof s.description === "string" ? { description: s.description } : {}),
    // A list parameter is one comma-separated value (capabilities=vision,reasoning).
    ...(s.type === "array" ? { style: "form", explode: false } : {}),
    schema: s,
  }));
}

const jsonContent = (name: keyof typeof COMPONENTS) => ({ content: { "application/json": { schema: ref(name) } } });
const error = (description: string) => ({ description, ...jsonContent("ErrorResponse") });

const READ_ERRORS = {
  "400": error("Bad input; the message names the field"),
  "401": error("No or wrong bearer token"),
  "405": error("Method not allowed"),
  "503": error("The database is unavailable"),
};

const header = (description: string) => ({ description, schema: { type: "string" } });
const ANSWER_HEADERS = { "X-Request-Id": header("The caller's X-Request-Id when plain, else a fresh id; on every answer") };
const ETAG_HEADERS = { ...ANSWER_HEADERS, ETag: header("Weak tag of the answer (its source left out): send it back as If-None-Match") };
// A model's answer tells its callers of a coming shutdown (CONTRACT §8).
const MODEL_HEADERS = {
  ...ETAG_HEADERS,
  Sunset: header("RFC 8594: the answered model's shutdown as an HTTP-date; only when it has one"),
  Deprecation: header("RFC 9745: @<unix seconds> since the shutdown was known; only with Sunset"),
};

/** `cached`: the answer has an ETag and a 304; "model": it also carries the answered model's Sunset and Deprecation. */
function operation(summary: string, ok: keyof typeof COMPONENTS, extra: JsonSchema = {}, cached: boolean | "model" = false, more: JsonSchema = {}): JsonSchema {
  const headers = cached === "model" ? MODEL_HEADERS : cached ? ETAG_HEADERS : ANSWER_HEADERS;
  return {
    summary,
    ...extra,
    responses: {
      "200": { description: "OK", headers, ...jsonContent(ok) },
      ...(cached ? { "304": { description: "Not modified: If-None-Match matched the ETag" } } : {}),
      ...READ_ERRORS,
      ...more,
    },
  };
}

const NO_MATCH = { "404": error("no_match: no model qualifies (a route's answer also carries its chain); not_found: no route of that name") };
const ROUTE_NAME = { name: "name", in: "path", required: true, description: "The route's name", schema: { type: "string", pattern: "^[a-z0-9][a-z0-9-_.]{0,62}$" } };

// What ALERT_WEBHOOK_URLS receive (CONTRACT §8): one envelope; route.changed's data is spelled out.
function webhook(type: string, data: JsonSchema): JsonSchema {
  const body = {
    type: "object",
    required: ["id", "type", "created_at", "data"],
    properties: { id: { type: "string" }, type: { const: type }, created_at: { type: "string" }, data },
  };
  return { post: { summary: `${type} event`, requestBody: { content: { "application/json": { schema: body } } }, responses: { "200": { description: "Received" } } } };
}
const WEBHOOKS = Object.fromEntries(EVENT_TYPES.map((t) => [t, webhook(t, t === "route.changed" ? ref("RouteChangedData") : { type: "object" })]));

/** The OpenAPI 3.1 document of the config API, generated from the zod schemas the routes parse with. */
export function buildOpenApiDocument(): JsonSchema {
  const schemas = Object.fromEntries(Object.entries(COMPONENTS).map(([name, [schema, io]]) => [name, toSchema(schema, io)]));
  return {
    openapi: "3.1.0",
    info: {
      title: "AI Model Manager: config API",
      version: "1.0.0",
      description:
        "The current default model of each AI provider and tier, the best model for a capability and price question, and named routes. Answers keep coming when the database is down (source: fallback).",
    },
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A CONFIG_API_KEYS entry or ADMIN_TOKEN" },
      },
      schemas,
    },
    webhooks: WEBHOOKS,
    paths: {
      "/api/ai-model-config": {
        get: operation("The default model of a provider and type", "ModelConfigResponse", { parameters: queryParameters(modelConfigQuerySchema) }, "model"),
        post: operation(
          "The default model of a provider and type (question as a JSON body)",
          "ModelConfigResponse",
          { requestBody: { required: true, ...jsonContent("ModelConfigBody") } },
          "model",
        ),
      },
      "/api/ai-model-config/providers": {
        get: operation("The flagship and fast defaults of every provider", "ProvidersResponse", {}, true),
      },
      "/api/ai-model-config/all": {
        get: operation("Registry rows, optionally filtered", "AllModelsResponse", { parameters: queryParameters(allModelsQuerySchema) }),
      },
      "/api/ai-model-config/history": {
        get: operation("Discovery runs, newest first", "HistoryResponse", { parameters: queryParameters(historyQuerySchema) }),
      },
      "/api/ai-model-config/validate": {
        post: operation("Whether a model name is known and active", "ValidateResponse", {
          requestBody: { required: true, ...jsonContent("ValidateBody") },
        }),
      },
      "/api/ai-model-config/select": {
        get: operation("The best model across providers for a capability, limit and price question", "SelectResponse", { parameters: queryParameters(selectQueryParamsSchema) }, "model", NO_MATCH),
        post: operation(
          "The same question as a JSON body (lists as arrays)",
          "SelectResponse",
          { requestBody: { required: true, ...jsonContent("SelectBody") } },
          "model",
          NO_MATCH,
        ),
      },
      "/api/ai-model-config/routes/{name}": {
        get: operation("The model a named route resolves to now, with every step's resolution", "RouteResponse", { parameters: [ROUTE_NAME] }, "model", NO_MATCH),
      },
      "/api/ai-model-config/openapi.json": {
        get: { summary: "This document", security: [], responses: { "200": { description: "OpenAPI 3.1 document" } } },
      },
    },
  };
}
