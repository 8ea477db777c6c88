import fs from "node:fs";
import path from "node:path";
import type { NextConfig } from "next";

/** The project, or, when node_modules is a symlink to elsewhere (a git worktree), the folder holding both: Turbopack resolves only inside its root. */
function turbopackRoot(): string {
  const project = import.meta.dirname;
  let modules: string;
  try {
    modules = fs.realpathSync(path.join(project, "node_modules"));
  } catch {
    return project;
  }
  let root = project;
  while (!modules.startsWith(root + path.sep) && path.dirname(root) !== root) root = path.dirname(root);
  return root;
}

const nextConfig: NextConfig = {
  // The test build lives apart (scripts/test.ts sets AMM_DIST_DIR), so `npm test` never replaces the build
  // under a running `npm start`; scripts/lib/build.ts distDir() reads the same variable.
  distDir: process.env.AMM_DIST_DIR?.trim() || ".next",
  // PGlite ships WASM and data files that must be loaded from node_modules at run time, never bundled;
  // pino (worker-thread transports) and prom-client (process metrics) stay plain Node requires too.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pino", "prom-client"],
  poweredByHeader: false,
  turbopack: { root: turbopackRoot() },
  reactStrictMode: true,
};

export default nextConfig;
