import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time, never bundled;
  // pino (worker-thread transports) and prom-client (process metrics) stay plain Node requires too.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pino", "prom-client"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
