// A file of its own: freezing lasts for the process (a flag on globalThis), so this file lifts it when done.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { freezeProcessEnv, getConfigApiKeys, readEnv } from "./env";

const saved = process.env.CONFIG_API_KEYS;
afterEach(() => {
  process.env.CONFIG_API_KEYS = saved;
});
afterAll(() => {
  delete (globalThis as { __ammEnvFrozen?: boolean }).__ammEnvFrozen; // other files in this worker read settings afresh
});

describe("freezeProcessEnv", () => {
  it("reads each setting of process.env again until frozen, then keeps the value read", () => {
    process.env.CONFIG_API_KEYS = "first-key-0123456789";
    expect(getConfigApiKeys()).toEqual(["first-key-0123456789"]);
    process.env.CONFIG_API_KEYS = "second-key-0123456789";
    expect(getConfigApiKeys()).toEqual(["second-key-0123456789"]);
    freezeProcessEnv();
    expect(getConfigApiKeys()).toEqual(["second-key-0123456789"]);
    process.env.CONFIG_API_KEYS = "third-key-0123456789";
    expect(getConfigApiKeys()).toEqual(["second-key-0123456789"]);
    const keys = getConfigApiKeys();
    keys.push("changed by a caller");
    expect(getConfigApiKeys()).toEqual(["second-key-0123456789"]); // each caller gets its own copy
  });

  it("still reads an env object other than process.env as it is", () => {
    freezeProcessEnv();
    expect(readEnv("CONFIG_API_KEYS", { CONFIG_API_KEYS: "a-plain-object-key-0123" })).toEqual(["a-plain-object-key-0123"]);
  });
});
