import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const SOURCES = [
  "app",
  "components",
  "hooks",
  "lib",
  "instrumentation.ts",
  "next.config.ts",
  "package.json",
  "package-lock.json",
  "postcss.config.mjs",
  "proxy.ts",
  "tsconfig.json",
];

/** The variables that hold secrets: no build may carry their values into what it serves. */
export const SECRET_ENV_NAMES = [
  "ADMIN_TOKEN",
  "CRON_SECRET",
  "CONFIG_API_KEYS",
  "SESSION_SECRET",
  "SUPABASE_SERVICE_ROLE_KEY",
  "OPENAI_API_KEY",
  "ANTHROPIC_API_KEY",
  "GEMINI_API_KEY",
  "GOOGLE_API_KEY",
  "MISTRAL_API_KEY",
] as const;

/** What `.next/amm-build-env.json` records of the environment a build ran with: names and a hash, never values. */
export interface BuildStamp {
  build_id: string;
  secrets_present: string[];
  secret_env_sha256: string;
}

const STAMP_FILE = "amm-build-env.json";

/** The secret variables set in `env` and one hash of their values (compares environments without keeping values). */
export function secretEnvFingerprint(env: Record<string, string | undefined>): Omit<BuildStamp, "build_id"> {
  const present = SECRET_ENV_NAMES.filter((n) => !!env[n]);
  const hash = createHash("sha256").update(JSON.stringify(present.map((n) => [n, env[n]]))).digest("hex");
  return { secrets_present: [...present], secret_env_sha256: hash };
}

/** The build's directory (next.config.ts distDir): AMM_DIST_DIR, else `.next`. */
export function distDir(env: Record<string, string | undefined> = process.env): string {
  return env.AMM_DIST_DIR?.trim() || ".next";
}

function buildId(root: string): string | null {
  try {
    return fs.readFileSync(path.join(root, distDir(), "BUILD_ID"), "utf8").trim();
  } catch {
    return null;
  }
}

/** The stamp of the build now in .next, or null when that build was made without one (a plain `next build`). */
export function readBuildStamp(root = process.cwd()): BuildStamp | null {
  try {
    const stamp = JSON.parse(fs.readFileSync(path.join(root, distDir(), STAMP_FILE), "utf8")) as BuildStamp;
    // A stamp left behind by an earlier build describes that build, not this one.
    return stamp.build_id === buildId(root) ? stamp : null;
  } catch {
    return null;
  }
}

function writeBuildStamp(root: string, env: Record<string, string | undefined>): void {
  const id = buildId(root);
  if (!id) return;
  const stamp: BuildStamp = { build_id: id, ...secretEnvFingerprint(env) };
  fs.writeFileSync(path.join(root, distDir(), STAMP_FILE), JSON.stringify(stamp, null, 2) + "\n");
}

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/**
 * True when .next holds a production build newer than every source file; with `env`, also one
 * stamped as built with exactly that environment's secret values.
 */
export function buildIsFresh(root = process.cwd(), env?: Record<string, string | undefined>): boolean {
  const id = path.join(root, distDir(), "BUILD_ID");
  if (!fs.existsSync(id)) return false;
  const built = fs.statSync(id).mtimeMs;
  if (!SOURCES.every((s) => newestMtime(path.join(root, s)) <= built)) return false;
  if (!env) return true;
  return readBuildStamp(root)?.secret_env_sha256 === secretEnvFingerprint(env).secret_env_sha256;
}

/**
 * Runs `next build` unless the existing build is fresh; exits the process when the build fails.
 * `env` is the build's environment (default: this process's); when given, a build made with other
 * secret values is not reused. Every build is stamped with its secret-env fingerprint.
 */
export function ensureBuild(root = process.cwd(), options: { env?: NodeJS.ProcessEnv } = {}): void {
  if (buildIsFresh(root, options.env)) return;
  console.log("Building the app (next build)…");
  const env: NodeJS.ProcessEnv = { ...(options.env ?? process.env), NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };
  const res = spawnSync("npx", ["next", "build"], { cwd: root, stdio: "inherit", env });
  if (res.status !== 0) process.exit(res.status ?? 1);
  writeBuildStamp(root, env);
}
