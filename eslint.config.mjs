import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".next-test/**", "node_modules/**", ".data/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "clients/python/**"],
  },
];
export default config;
