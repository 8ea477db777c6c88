import { z } from "zod";
import { defaultTierSchema, providerSchema } from "@/lib/domain";
import { modelRowWireSchema } from "@/lib/config/schemas";
import { deliveryRowSchema } from "@/lib/db/events-repo";
import { pendingRowSchema } from "@/lib/db/pending-repo";
import { policySchema, slotPolicyRowSchema } from "@/lib/db/policies-repo";

// Bodies and answers of the rollout admin routes (CONTRACT §8); the console takes its types from here.

/** The slot of /api/admin/slots/<provider>/<type>. */
export const slotParamsSchema = z.object({ provider: providerSchema, type: defaultTierSchema });

/** PUT /api/admin/slots/<provider>/<type> */
export const slotPolicyBodySchema = z.object({
  policy: policySchema,
  soak_days: z.number().int().min(1).max(365).optional().describe("Days a soak candidate must stay listed and best (default 7)"),
});

/** POST /api/admin/slots/<provider>/<type>/restore */
export const restoreBodySchema = z.object({
  change_id: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "must be a change id (uuid)").describe("The id of a default_history entry of this slot; its from_model becomes the default again"),
});

const isoTimestamp = z.string().describe("ISO 8601 timestamp");

/** A pending change with both models, so the console can set them side by side. */
export const pendingWireSchema = pendingRowSchema.extend({
  first_seen_at: isoTimestamp,
  promote_after: isoTimestamp.nullable(),
  decided_at: isoTimestamp.nullable(),
  from_model: modelRowWireSchema.nullable(),
  to_model: modelRowWireSchema.nullable(),
});
export type PendingWire = z.infer<typeof pendingWireSchema>;

/** GET /api/admin/pending */
export const pendingResponseSchema = z.object({ success: z.literal(true), pending: z.array(pendingWireSchema) });
export type PendingResponse = z.infer<typeof pendingResponseSchema>;

/** One slot with its policy, default and open pending change. */
export const slotWireSchema = slotPolicyRowSchema.extend({
  updated_at: isoTimestamp.nullable(),
  default: modelRowWireSchema.nullable(),
  pending: pendingRowSchema.nullable(),
});
export type SlotWire = z.infer<typeof slotWireSchema>;

/** GET /api/admin/slots */
export const slotsResponseSchema = z.object({ success: z.literal(true), slots: z.array(slotWireSchema) });
export type SlotsResponse = z.infer<typeof slotsResponseSchema>;

/** One webhook delivery; the URL without its query string. */
export const deliveryWireSchema = deliveryRowSchema.extend({ next_attempt_at: isoTimestamp, delivered_at: isoTimestamp.nullable(), created_at: isoTimestamp });
export type DeliveryWire = z.infer<typeof deliveryWireSchema>;

/** GET /api/admin/deliveries */
export const deliveriesResponseSchema = z.object({
  success: z.literal(true),
  configured: z.number().int(),
  /** Why ALERT_WEBHOOK_URLS cannot be used, naming the variable (never its value); null when it can. */
  config_error: z.string().nullable(),
  deliveries: z.array(deliveryWireSchema),
});
export type DeliveriesResponse = z.infer<typeof deliveriesResponseSchema>;
