import { describe, expect, it } from "vitest";
import type { EventType } from "./events";
import { eventText, slackBody } from "./slack";

// One line per event type, from the data each emitter writes (lib/registry, lib/discovery, lib/notify).
const CASES: [EventType, Record<string, unknown>, string][] = [
  ["default.changed", { provider: "openai", model_type: "fast", from: "gpt-5-mini", to: "gpt-6-mini", reason: "newer generation" }, "Default of openai/fast changed: gpt-5-mini → gpt-6-mini (newer generation)"],
  ["default.changed", { provider: "mistral", model_type: "flagship", from: null, to: "mistral-large-3", reason: "first default" }, "Default of mistral/flagship changed: none → mistral-large-3 (first default)"],
  ["default.pending", { provider: "google", model_type: "flagship", from: "gemini-2.5-pro", to: "gemini-3-pro", policy: "manual" }, "Default change of google/flagship is pending: gemini-2.5-pro → gemini-3-pro (manual)"],
  ["run.failed", { run_id: "r-1" }, "Discovery run r-1 failed"],
  ["run.partial", { run_id: "r-2" }, "Discovery run r-2 was partial"],
  ["model.retiring", { provider: "anthropic", model_name: "claude-3-haiku", shutdown_date: "2027-01-05", days_left: 30 }, "anthropic/claude-3-haiku shuts down on 2027-01-05 (30 days)"],
  ["model.unpriced", { provider: "openai", model_name: "gpt-6-mini", model_type: "fast" }, "openai/gpt-6-mini is an active fast model without a price"],
  ["alert.raised", { kind: "probe_failed", message: "gpt-6 not promoted: its probe (call) failed: 403" }, "alert.raised: gpt-6 not promoted: its probe (call) failed: 403"],
  ["route.changed", { name: "summarise", action: "updated", changed_by: "admin-token" }, "Route summarise updated by admin-token"],
  ["route.changed", { name: "summarise", action: "deleted", changed_by: "" }, "Route summarise deleted"],
];

describe("eventText (the line Slack shows)", () => {
  it.each(CASES)("%s reads as a sentence", (type, data, text) => {
    expect(eventText({ type, data })).toBe(text);
  });

  it("puts the line in Slack's text and its first block, with the event's id and time in the context block", () => {
    const [type, data, text] = CASES[CASES.length - 2];
    const body = slackBody({ id: "e-9", type, data, created_at: "2026-12-01T10:00:00.000Z" } as Parameters<typeof slackBody>[0]);
    expect(body.text).toBe(text);
    expect(JSON.stringify(body.blocks)).toContain(`\`route.changed\`\\n${text}`);
    expect(JSON.stringify(body.blocks)).toContain("event e-9 · 2026-12-01T10:00:00.000Z");
  });
});
