import { describe, expect, it } from "vitest";
import { listModels } from "@/lib/db/models-repo";
import { callWithParams } from "@/tests/support/admin-call";
import { callRoute, setupConfigEnv, useRouteDb } from "@/tests/support/config-fixtures";
import { DRIVERS } from "@/tests/support/databases";
import { POST as validate } from "../ai-model-config/validate/route";
import { GET as history } from "../ai-model-config/history/route";
import { POST as classify } from "./models/[id]/classify/route";
import { GET as getModel } from "./models/[id]/route";

setupConfigEnv();

// PostgreSQL refuses a NUL in text ("invalid byte sequence"): every string input is checked before it gets there.
describe.each(DRIVERS)("control characters in string inputs on %s", (driver) => {
  const t = useRouteDb(driver);

  it("refuses a NUL in classify's family with 400 naming the field, and changes nothing", async () => {
    const m = (await listModels(t.db)).find((r) => r.model_name === "gpt-5")!;
    const res = await callWithParams(classify, `/api/admin/models/${m.id}/classify`, { method: "POST", body: { model_type: "flagship", family: "gpt\u0000x" } }, { id: m.id });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toContain('"family"');
    expect((await listModels(t.db)).find((r) => r.id === m.id)).toEqual(m);
  });

  it.each([
    ["a NUL", "gpt-5\u0000"],
    ["an escape", "gpt-5\u001b[31m"],
    ["a DEL", "gpt\u007f5"],
  ])("refuses %s in validate's model_name with 400 naming it", async (_label, name) => {
    const res = await callRoute(validate, "/api/ai-model-config/validate", { body: { provider: "openai", model_name: name } });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toContain('"model_name"');
  });

  it("names the path of a nested string and of an object key", async () => {
    const nested = await callRoute(validate, "/api/ai-model-config/validate", { body: { provider: "openai", model_name: "gpt-5", extra: [{ note: "a\u0000" }] } });
    expect(nested.status).toBe(400);
    expect(nested.json.error.message).toContain('"extra.0.note"');
    const key = await callRoute(validate, "/api/ai-model-config/validate", { body: { provider: "openai", model_name: "gpt-5", ["k\u0000"]: 1 } });
    expect(key.status).toBe(400);
  });

  it("refuses a NUL in a query parameter and in a path parameter", async () => {
    const q = await callRoute(history, "/api/ai-model-config/history?limit=1%00");
    expect(q.status).toBe(400);
    expect(q.json.error.message).toContain('"limit"');
    const p = await callWithParams(getModel, "/api/admin/models/%00", {}, { id: "\u0000" });
    expect(p.status).toBe(400);
    expect(p.json.error.message).toContain('"id"');
  });

  it("keeps accepting tabs and line breaks in a body string", async () => {
    const res = await callRoute(validate, "/api/ai-model-config/validate", { body: { provider: "openai", model_name: "no\tsuch\nmodel" } });
    expect(res.status).toBe(200);
    expect(res.json.valid).toBe(false);
  });
});
