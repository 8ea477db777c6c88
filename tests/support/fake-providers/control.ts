import { z } from "zod";
import { providerSchema } from "@/lib/domain";
import { METADATA_SOURCES } from "@/lib/metadata/types";
import { PROBE_FAULTS } from "./probe-routes";
import { ERAS, FAULTS, METADATA_FAULTS, type FakeProviders } from "./types";

// The fake's own control API under /_fake/, so e2e tests and people can steer a running fake over HTTP.

const faultBodySchema = z.object({ provider: providerSchema, fault: z.enum(FAULTS), retryAfter: z.number().nonnegative().optional() });
const listingBodySchema = z.object({ provider: providerSchema, models: z.array(z.unknown()) });
const probeFaultBodySchema = z.object({ provider: providerSchema, model: z.string().min(1), fault: z.enum(PROBE_FAULTS) });
const eraBodySchema = z.object({ era: z.enum(ERAS) });
const metadataFaultBodySchema = z.object({ source: z.enum(METADATA_SOURCES), fault: z.enum(METADATA_FAULTS) });
const metadataDocumentBodySchema = z.object({ source: z.enum(METADATA_SOURCES), document: z.unknown() });
const latencyBodySchema = z.object({ latencyMs: z.number().int().nonnegative().max(600_000), provider: providerSchema.optional() });

export interface ControlAnswer {
  status: number;
  body: unknown;
}

function parse<T>(schema: z.ZodType<T>, body: unknown): { ok: true; value: T } | { ok: false; answer: ControlAnswer } {
  const result = schema.safeParse(body);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  return { ok: false, answer: { status: 400, body: { ok: false, error: `invalid body: ${issues.map((i) => i.path || "(body)").join(", ")}`, issues } } };
}

/** Handles one /_fake/<action> request; `body` is the parsed JSON body (undefined for GET). */
export function answerControl(fake: FakeProviders, method: string, action: string, body: unknown): ControlAnswer {
  const route = `${method} ${action}`;
  switch (route) {
    case "GET requests":
      return { status: 200, body: { requests: fake.requests() } };
    case "POST reset":
      fake.reset();
      return { status: 200, body: { ok: true } };
    case "POST fault": {
      const p = parse(faultBodySchema, body);
      if (!p.ok) return p.answer;
      fake.setFault(p.value.provider, p.value.fault, { retryAfter: p.value.retryAfter });
      return { status: 200, body: { ok: true } };
    }
    case "POST listing": {
      const p = parse(listingBodySchema, body);
      if (!p.ok) return p.answer;
      fake.setListing(p.value.provider, p.value.models);
      return { status: 200, body: { ok: true, count: p.value.models.length } };
    }
    case "POST probe-fault": {
      const p = parse(probeFaultBodySchema, body);
      if (!p.ok) return p.answer;
      fake.setProbeFault(p.value.provider, p.value.model, p.value.fault);
      return { status: 200, body: { ok: true } };
    }
    case "POST era": {
      const p = parse(eraBodySchema, body);
      if (!p.ok) return p.answer;
      fake.useEra(p.value.era);
      return { status: 200, body: { ok: true } };
    }
    case "POST latency": {
      const p = parse(latencyBodySchema, body);
      if (!p.ok) return p.answer;
      fake.setLatency(p.value.latencyMs, p.value.provider);
      return { status: 200, body: { ok: true } };
    }
    case "POST metadata-fault": {
      const p = parse(metadataFaultBodySchema, body);
      if (!p.ok) return p.answer;
      fake.setMetadataFault(p.value.source, p.value.fault);
      return { status: 200, body: { ok: true } };
    }
    case "POST metadata-document": {
      const p = parse(metadataDocumentBodySchema, body);
      if (!p.ok) return p.answer;
      fake.setMetadataDocument(p.value.source, p.value.document);
      return { status: 200, body: { ok: true } };
    }
    default:
      return { status: 404, body: { ok: false, error: `no control route ${route}` } };
  }
}
