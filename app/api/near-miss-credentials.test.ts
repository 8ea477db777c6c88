import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { callWithParams } from "@/tests/support/admin-call";
import { ADMIN_TOKEN, callRoute, READ_KEY } from "@/tests/support/config-fixtures";
import { POST as login } from "./auth/login/route";
import { GET as cron } from "./ai-model-updater/route";
import { GET as config } from "./ai-model-config/route";
import { GET as settings } from "./admin/settings/route";

const CRON_SECRET = "near-miss-cron-secret-0123456789";

/** One character short, one character long, and the last character off by one. */
function nearMisses(secret: string): string[] {
  const last = secret.at(-1)!;
  return [secret.slice(0, -1), `${secret}x`, secret.slice(0, -1) + String.fromCharCode(last.charCodeAt(0) + 1), secret.slice(1)];
}

// A compare that accepted a prefix (or any near miss) of a secret would pass every other test.
describe("credentials that are almost right", () => {
  beforeEach(() => {
    vi.stubEnv("ADMIN_TOKEN", ADMIN_TOKEN);
    vi.stubEnv("CONFIG_API_KEYS", READ_KEY);
    vi.stubEnv("CRON_SECRET", CRON_SECRET);
    vi.stubEnv("TRUST_PROXY", "1");
  });
  afterEach(() => vi.unstubAllEnvs());

  it.each(nearMisses(ADMIN_TOKEN))("refuses the admin token %j with 401", async (token) => {
    expect((await callWithParams(settings, "/api/admin/settings", { token })).status).toBe(401);
  });

  it.each(nearMisses(CRON_SECRET))("refuses the cron secret %j with 401", async (token) => {
    expect((await callRoute(cron, "/api/ai-model-updater", { token })).status).toBe(401);
  });

  it.each(nearMisses(READ_KEY))("refuses the read key %j with 401", async (token) => {
    expect((await callRoute(config, "/api/ai-model-config?provider=openai", { token })).status).toBe(401);
  });

  it.each(nearMisses(ADMIN_TOKEN).map((p, i) => [p, i]))("refuses the sign-in password %j with 401", async (password, i) => {
    const res = await login(
      new Request("http://127.0.0.1:3999/api/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": `198.51.100.${i + 1}` },
        body: JSON.stringify({ password }),
      }),
    );
    expect(res.status).toBe(401);
    expect(res.headers.getSetCookie().some((c) => c.startsWith("amm_session=") && !c.startsWith("amm_session=;"))).toBe(false);
  });

  it("accepts the exact secrets (so the refusals above are about the near miss)", async () => {
    expect((await callWithParams(settings, "/api/admin/settings", { token: READ_KEY })).status).toBe(403);
    expect((await callRoute(cron, "/api/ai-model-updater", { token: READ_KEY })).status).toBe(403);
  });
});
