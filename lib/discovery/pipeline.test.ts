import { describe, expect, it } from "vitest";
import { oneAfterAnother, planWhileWriting } from "./pipeline";

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("oneAfterAnother", () => {
  it("starts each call only once the one before it settled, and answers every result", async () => {
    const log: string[] = [];
    const call = (name: string) => async () => {
      log.push(`start ${name}`);
      await turn();
      log.push(`end ${name}`);
      return name;
    };
    const results = oneAfterAnother([call("a"), call("b"), call("c")]);
    expect(await Promise.all(results)).toEqual(["a", "b", "c"]);
    expect(log).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
  });

  it("makes no call after a failed one; later results reject with its error, and none is an unhandled rejection", async () => {
    let made = 0;
    const unhandled: unknown[] = [];
    const onUnhandled = (err: unknown) => unhandled.push(err);
    process.on("unhandledRejection", onUnhandled);
    try {
      const results = oneAfterAnother([
        async () => { made++; throw new Error("boom"); },
        async () => { made++; return 2; },
      ]);
      await turn();
      await turn();
      await expect(results[1]).rejects.toThrow("boom");
      await expect(results[0]).rejects.toThrow("boom");
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
    expect(made).toBe(1);
    expect(unhandled).toEqual([]);
  });
});

describe("planWhileWriting", () => {
  it("plans the next item while the previous part is written, one write at a time, in order", async () => {
    const log: string[] = [];
    let writing = 0;
    const parts = await planWhileWriting(
      ["a", "b", "c"],
      async (item, i) => {
        log.push(`plan ${item}`);
        await turn(); // a plan that pauses lets the write in flight go on
        log.push(`planned ${item}${i}`);
        return `${item}${i}`;
      },
      async (part) => {
        writing++;
        expect(writing).toBe(1);
        log.push(`write ${part}`);
        await turn();
        log.push(`wrote ${part}`);
        writing--;
      },
    );
    expect(parts).toEqual(["a0", "b1", "c2"]);
    expect(log).toEqual([
      "plan a", "planned a0", "write a0", "plan b", "wrote a0", "planned b1", "write b1", "plan c", "wrote b1", "planned c2",
      "write c2", "wrote c2",
    ]);
  });

  it("writes nothing before ready settles, and rejects with its error when it fails", async () => {
    const written: string[] = [];
    let open!: () => void;
    const ready = new Promise<void>((resolve) => (open = resolve));
    const done = planWhileWriting(["a"], async (x) => x, async (p) => void written.push(p), ready);
    await turn();
    expect(written).toEqual([]);
    open();
    await done;
    expect(written).toEqual(["a"]);
    await expect(planWhileWriting(["a"], async (x) => x, async () => {}, Promise.reject(new Error("read failed")))).rejects.toThrow("read failed");
  });

  it("stops at a failed write: no later part is written, and the failure is the answer", async () => {
    const written: string[] = [];
    const run = planWhileWriting(["a", "b", "c"], async (x) => x, async (p) => {
      written.push(p);
      if (p === "a") throw new Error("constraint");
    });
    await expect(run).rejects.toThrow("constraint");
    expect(written).toEqual(["a"]);
  });

  it("waits for the write in flight before a failed plan's error is the answer", async () => {
    let settled = false;
    const run = planWhileWriting(
      ["a", "b"],
      async (x) => {
        if (x === "b") throw new Error("plan failed");
        return x;
      },
      async () => {
        await turn();
        await turn();
        settled = true;
      },
    );
    await expect(run).rejects.toThrow("plan failed");
    expect(settled).toBe(true);
  });
});
