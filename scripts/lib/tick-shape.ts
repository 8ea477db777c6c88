// Keeps one of Node's nextTick objects alive for the life of the server process.
//
// V8 drops the hidden class of an object nobody holds at a full GC. The start-up's full GCs (PGlite's,
// Next's) drop the class of nextTick's tick object again and again, and after a few such rebuilds the
// property cache in nextTick turns megamorphic for good: every tick object is then built in the runtime,
// about 8 % of a fast-path answer's CPU (perf, `npm run bench -- config`). A held tick object keeps its
// class and the cache stays monomorphic. async_hooks documents the "TickObject" resource this relies on.
import { createHook } from "node:async_hooks";

let held: object | undefined;

/** Call first thing in the process, before anything that allocates much; later calls do nothing. */
export function holdTickObjectShape(): void {
  held ??= newTickObject();
}

/** The tick object of one process.nextTick, as async_hooks hands it to an init hook. */
export function newTickObject(): object | undefined {
  let tick: object | undefined;
  const hook = createHook({
    init(_asyncId, type, _triggerAsyncId, resource) {
      if (type === "TickObject") tick ??= resource;
    },
  });
  hook.enable();
  process.nextTick(() => {});
  hook.disable();
  return tick;
}

/** The held tick object (for its test). */
export function heldTickObject(): object | undefined {
  return held;
}
