// The fixed settings of the browser tests: ports, the test secrets, and the app server's environment.
// The secrets are test-only values, never used outside this suite.

/** The app under test (`next start`). Override with E2E_PORT when 3917 is taken. */
export const APP_PORT = Number(process.env.E2E_PORT ?? 3917);
/** The fake provider server. Override with E2E_FAKE_PORT. */
export const FAKE_PORT = Number(process.env.E2E_FAKE_PORT ?? 3918);

export const BASE_URL = `http://127.0.0.1:${APP_PORT}`;
export const FAKE_URL = `http://127.0.0.1:${FAKE_PORT}`;

export const ADMIN_TOKEN = "e2e-admin-token-4c1f9a7d2b";
export const CRON_SECRET = "e2e-cron-secret-8b3e6f0a5c";
export const CONFIG_API_KEY = "e2e-config-key-2d7a9c4e1f";

/** The keys the fake provider server accepts (tests/support/fake-providers DEFAULT_FAKE_KEYS). */
export const PROVIDER_KEYS = {
  openai: "test-openai-key",
  anthropic: "test-anthropic-key",
  google: "test-gemini-key",
  mistral: "test-mistral-key",
} as const;

/** Every secret the app knows; none may appear in the client bundle or a served page. */
export const SECRETS: Record<string, string> = {
  ADMIN_TOKEN,
  CRON_SECRET,
  CONFIG_API_KEYS: CONFIG_API_KEY,
  OPENAI_API_KEY: PROVIDER_KEYS.openai,
  ANTHROPIC_API_KEY: PROVIDER_KEYS.anthropic,
  GEMINI_API_KEY: PROVIDER_KEYS.google,
  MISTRAL_API_KEY: PROVIDER_KEYS.mistral,
};

/**
 * Every secret variable (scripts/lib/build SECRET_ENV_NAMES) with a test value: `scripts/test.ts` builds the app
 * with these in its environment, so the bundle scan of e2e/security.spec.ts looks for values the build really had.
 */
export const BUILD_SECRETS: Record<string, string> = {
  ...SECRETS,
  SESSION_SECRET: "e2e-session-secret-6f2b8d1c9e4a",
  SUPABASE_SERVICE_ROLE_KEY: "e2e-supabase-service-role-3a9c7e5b1d",
  GOOGLE_API_KEY: "e2e-google-api-key-7d4f1b8e2c",
};

/** The app server's environment: fresh embedded database, test secrets, providers pointed at the fake. */
export function appServerEnv(dbDir: string, dataDir: string): Record<string, string> {
  return {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    AMM_DIST_DIR: process.env.AMM_DIST_DIR?.trim() || ".next",
    DATABASE_URL: `pglite://${dbDir}`,
    AMM_DATA_DIR: dataDir,
    ADMIN_TOKEN,
    CRON_SECRET,
    CONFIG_API_KEYS: CONFIG_API_KEY,
    OPENAI_API_KEY: PROVIDER_KEYS.openai,
    OPENAI_BASE_URL: `${FAKE_URL}/openai/v1`,
    ANTHROPIC_API_KEY: PROVIDER_KEYS.anthropic,
    ANTHROPIC_BASE_URL: `${FAKE_URL}/anthropic`,
    GEMINI_API_KEY: PROVIDER_KEYS.google,
    GEMINI_BASE_URL: `${FAKE_URL}/google`,
    MISTRAL_API_KEY: PROVIDER_KEYS.mistral,
    MISTRAL_BASE_URL: `${FAKE_URL}/mistral`,
    // The fake's metadata documents, so no run of the suite reaches the real models.dev.
    MODELS_DEV_URL: `${FAKE_URL}/models-dev/api.json`,
    LITELLM_MODEL_MAP_URL: `${FAKE_URL}/litellm/model_prices_and_context_window.json`,
    // The suite signs in with the built-in login only; a developer's Supabase settings must not leak in.
    NEXT_PUBLIC_SUPABASE_URL: "",
    NEXT_PUBLIC_SUPABASE_ANON_KEY: "",
    SESSION_SECRET: "",
    GOOGLE_API_KEY: "",
  };
}
