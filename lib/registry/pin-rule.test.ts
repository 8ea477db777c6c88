import { describe, expect, it } from "vitest";
import { ConflictError } from "@/lib/errors";
import { pinBlocker, pinnability } from "./pin-rule";

const model = { model_name: "gpt-5-mini", model_type: "fast" as const, is_active: true, needs_review: false };
const now = new Date("2026-12-01T00:00:00Z");

describe("pinBlocker", () => {
  it("refuses a model whose shutdown date has passed, though no run has retired it yet", () => {
    const blocker = pinBlocker({ ...model, shutdown_date: "2026-11-30" }, now);
    expect(blocker).toBeInstanceOf(ConflictError);
    expect(blocker?.message).toBe("gpt-5-mini shut down on 2026-11-30 and cannot be pinned");
  });

  it("allows a live model, also one that shuts down later", () => {
    expect(pinBlocker({ ...model, shutdown_date: "2027-01-31" }, now)).toBeNull();
    expect(pinnability(model)).toEqual({ allowed: true, reason: null });
  });
});
