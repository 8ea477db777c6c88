import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { checkProductionSecrets } from "./env";

const strong = "0123456789abcdef";

describe("checkProductionSecrets", () => {
  it.each([
    [{ NODE_ENV: "development" }, []],
    [{ NODE_ENV: "test" }, []],
    [{ NODE_ENV: "production", ADMIN_TOKEN: strong, CRON_SECRET: strong }, []],
    [{ NODE_ENV: "production", CRON_SECRET: strong }, ["ADMIN_TOKEN is required in production"]],
    [{ NODE_ENV: "production", ADMIN_TOKEN: strong }, ["CRON_SECRET is required in production"]],
    [{ NODE_ENV: "production", ADMIN_TOKEN: "   ", CRON_SECRET: strong }, ["ADMIN_TOKEN is required in production"]],
    [{ NODE_ENV: "production", ADMIN_TOKEN: "short", CRON_SECRET: strong }, ["ADMIN_TOKEN must be at least 16 characters"]],
    [
      { NODE_ENV: "production", ADMIN_TOKEN: "0123456789abcde", CRON_SECRET: "x" },
      ["ADMIN_TOKEN must be at least 16 characters", "CRON_SECRET must be at least 16 characters"],
    ],
  ])("%j → %j", (env, problems) => {
    expect(checkProductionSecrets(env as NodeJS.ProcessEnv)).toEqual(problems);
  });
});

// The real entry points, as separate processes: what an operator sees when a secret is missing.
function run(args: string[], env: Record<string, string | undefined>) {
  const clean = { ...process.env, ADMIN_TOKEN: undefined, CRON_SECRET: undefined, ...env };
  return spawnSync("npx", ["tsx", ...args], { env: clean as NodeJS.ProcessEnv, encoding: "utf8", timeout: 60_000 });
}

describe("start-up in production", () => {
  it("npm start refuses to start without ADMIN_TOKEN and names the variable", () => {
    const res = run(["scripts/start.ts"], { NODE_ENV: "production", CRON_SECRET: strong });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain("ADMIN_TOKEN is required in production");
  });

  it("the server's instrumentation hook exits when CRON_SECRET is too short, naming it", () => {
    const res = run(["-e", "import('./instrumentation.ts').then((m) => m.register())"], {
      NODE_ENV: "production",
      NEXT_RUNTIME: "nodejs",
      ADMIN_TOKEN: strong,
      CRON_SECRET: "short",
    });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain("CRON_SECRET must be at least 16 characters");
  });

  it("the instrumentation hook lets a well-configured server start", () => {
    const res = run(["-e", "import('./instrumentation.ts').then((m) => m.register()).then(() => console.log('ok'))"], {
      NODE_ENV: "production",
      NEXT_RUNTIME: "nodejs",
      ADMIN_TOKEN: strong,
      CRON_SECRET: strong,
    });
    expect(res.status).toBe(0);
    expect(res.stdout).toContain("ok");
  });
});

describe("readEnv", () => {
  it("gives one behaviour for a bad value of any setting: an error that names the variable", async () => {
    const { readEnv } = await import("./env");
    for (const name of ["DISCOVERY_LEASE_MS", "DISCOVERY_TIMEOUT_MS", "DISCOVERY_PROVIDER_DEADLINE_MS"] as const) {
      expect(() => readEnv(name, { [name]: "soon" })).toThrow(new RegExp(`^${name} must be an integer`));
    }
    expect(readEnv("DISCOVERY_LEASE_MS", {})).toBe(120_000);
    expect(readEnv("CONFIG_API_KEYS", { CONFIG_API_KEYS: " a, ,b " })).toEqual(["a", "b"]);
  });
});
