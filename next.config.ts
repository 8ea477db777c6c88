import type { NextConfig } from "next";

// A checkout whose node_modules is a symlink out of it (a git worktree) names a root holding both.
const workspaceRoot = process.env.AMM_WORKSPACE_ROOT?.trim();

const nextConfig: NextConfig = {
  ...(workspaceRoot ? { turbopack: { root: workspaceRoot }, outputFileTracingRoot: workspaceRoot } : {}),
  // The test build lives apart (scripts/test.ts sets AMM_DIST_DIR), so `npm test` never replaces the build
  // under a running `npm start`; scripts/lib/build.ts distDir() reads the same variable.
  distDir: process.env.AMM_DIST_DIR?.trim() || ".next",
  // PGlite ships WASM and data files that must be loaded from node_modules at run time, never bundled;
  // pino (worker-thread transports) and prom-client (process metrics) stay plain Node requires too.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pino", "prom-client"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
