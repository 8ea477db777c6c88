import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import pkg from "@/package.json";

// The Node every npm script should run on: the major that `engines` names ("24.x").
const wantedMajor = Number(/^(\d+)\.x$/.exec(pkg.engines.node)?.[1]);

function major(version: string): number {
  return Number(/^v?(\d+)\./.exec(version)?.[1]);
}

describe("the project's Node runtime", () => {
  it("is pinned by the `node` devDependency to the major that engines names", () => {
    expect(wantedMajor).toBeGreaterThanOrEqual(24);
    expect(major(pkg.devDependencies.node)).toBe(wantedMajor);
  });

  it("runs the tests: npm put node_modules/.bin/node first on PATH, whatever the machine's own node is", () => {
    expect(major(process.version)).toBe(wantedMajor);
  });

  it("runs what a script starts through npx, as scripts/test.ts and scripts/start.ts do", () => {
    const res = spawnSync("npx", ["node", "-p", "process.version"], { encoding: "utf8", timeout: 60_000 });
    expect(res.status).toBe(0);
    expect(major(res.stdout.trim())).toBe(wantedMajor);
  });
});
