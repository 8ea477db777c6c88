import { z } from "zod";
import { USAGE_KINDS } from "@/lib/db/key-usage-repo";
import { serviceKeyRowSchema } from "@/lib/db/service-keys-repo";
import { overridesSchema } from "@/lib/keys/overrides";

// Bodies and answers of the service key admin routes (CONTRACT §9); the console takes its types from here.

/** POST /api/admin/keys */
export const createKeyBodySchema = z.strictObject({
  name: z.string().trim().min(1, "must not be empty").max(100, "at most 100 characters").describe("The service's name, shown wherever its reads are counted"),
  overrides: overridesSchema.optional(),
});
export type CreateKeyBody = z.infer<typeof createKeyBodySchema>;

const isoTimestamp = z.string().describe("ISO 8601 timestamp");

/** A key as the admin API answers it: never the secret or its hash. */
export const serviceKeyWireSchema = serviceKeyRowSchema.extend({
  created_at: isoTimestamp,
  last_used_at: isoTimestamp.nullable(),
  revoked_at: isoTimestamp.nullable(),
});
export type ServiceKeyWire = z.infer<typeof serviceKeyWireSchema>;

/** GET /api/admin/keys */
export const keysResponseSchema = z.object({ success: z.literal(true), keys: z.array(serviceKeyWireSchema) });
export type KeysResponse = z.infer<typeof keysResponseSchema>;

/** POST /api/admin/keys: the secret, this once. */
export const createKeyResponseSchema = z.object({ success: z.literal(true), key: serviceKeyWireSchema, secret: z.string() });
export type CreateKeyResponse = z.infer<typeof createKeyResponseSchema>;

/** DELETE /api/admin/keys/<id> */
export const revokeKeyResponseSchema = z.object({ success: z.literal(true), key: serviceKeyWireSchema });

/** One slot ("openai:flagship"), route (its name) or select (its normalised query) with the live keys that read it. */
export const usageTargetSchema = z.object({
  kind: z.enum(USAGE_KINDS),
  target: z.string(),
  services: z.array(z.object({ id: z.string(), name: z.string(), count: z.number().int() })),
});
export type UsageTarget = z.infer<typeof usageTargetSchema>;

/** GET /api/admin/keys/usage */
export const keyUsageResponseSchema = z.object({
  success: z.literal(true),
  since: z.string().describe("The first day (UTC, YYYY-MM-DD) counted: the last 30 days"),
  targets: z.array(usageTargetSchema),
});
export type KeyUsageResponse = z.infer<typeof keyUsageResponseSchema>;
