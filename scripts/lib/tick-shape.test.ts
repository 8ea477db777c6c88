import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const MODULE = path.resolve(__dirname, "tick-shape.ts");

/**
 * A child process with V8's test natives: the class (hidden map) of a tick object made before six full GCs
 * and of one made after them, while it holds a tick object (holdTickObjectShape) or holds none.
 */
function tickClasses(hold: boolean): { held: boolean; before: string; after: string } {
  const code = `
    import { holdTickObjectShape, heldTickObject, newTickObject } from ${JSON.stringify(MODULE)};
    if (${hold}) holdTickObjectShape();
    console.log("held", heldTickObject() !== undefined);
    %DebugPrint(${hold} ? heldTickObject() : newTickObject());
    for (let i = 0; i < 6; i++) { await new Promise((r) => setTimeout(r, 1)); globalThis.gc(); }
    %DebugPrint(newTickObject());
  `;
  const res = spawnSync(process.execPath, ["--allow-natives-syntax", "--expose-gc", "--import", "tsx", "--input-type=module", "-e", code], { encoding: "utf8", timeout: 60_000 });
  expect(res.stderr).toBe("");
  const maps = [...res.stdout.matchAll(/^ - map: (0x[0-9a-f]+) <Map\[/gm)].map((m) => m[1] ?? "");
  expect(maps).toHaveLength(2);
  return { held: /^held true$/m.test(res.stdout), before: maps[0] ?? "", after: maps[1] ?? "" };
}

describe("holdTickObjectShape", () => {
  it("holds a tick object: full GCs leave its class to every new tick object", () => {
    const { held, before, after } = tickClasses(true);
    expect(held).toBe(true);
    expect(after).toBe(before);
  });

  it("is needed on this Node: with no tick object held, full GCs give new tick objects a new class", () => {
    const { held, before, after } = tickClasses(false);
    expect(held).toBe(false);
    expect(after).not.toBe(before);
  });
});
