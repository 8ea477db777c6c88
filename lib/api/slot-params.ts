import { fromZodError } from "./errors";
import { slotParamsSchema } from "./rollout-schemas";

/** The slot named by a route's path; a bad provider or type is a 400 naming it. */
export function parseSlot(params: unknown) {
  const parsed = slotParamsSchema.safeParse(params);
  if (!parsed.success) throw fromZodError(parsed.error, "params");
  return parsed.data;
}
