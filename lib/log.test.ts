import { afterEach, describe, expect, it } from "vitest";
import { redact } from "./log";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe("redact", () => {
  it("cuts out the values of the secrets the process holds", () => {
    process.env.ADMIN_TOKEN = "admin-token-value-123";
    process.env.MISTRAL_API_KEY = "mistral-key-value-456";
    process.env.CONFIG_API_KEYS = "reader-one-789, reader-two-012";
    const text = redact("a admin-token-value-123 b mistral-key-value-456 c reader-two-012 d");
    expect(text).toBe("a [redacted] b [redacted] c [redacted] d");
  });

  it.each([
    ["postgres://app:s3cret@db.example.com:6543/postgres", "postgres://app:[redacted]@db.example.com:6543/postgres"],
    ["calling https://x.test/v1beta/models?key=AIzaSyAbc&pageSize=5", "calling https://x.test/v1beta/models?key=[redacted]&pageSize=5"],
    ["Authorization: Bearer abc.def.ghi", "Authorization: Bearer [redacted]"],
    ["key sk-proj-abcdefghijklmnop used", "key [redacted] used"],
    ["no secret here", "no secret here"],
  ])("redacts key-shaped text in %j", (input, want) => {
    expect(redact(input)).toBe(want);
  });
});
