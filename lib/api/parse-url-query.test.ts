import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError } from "./errors";
import { parseUrlQuery } from "./with-route";

const schema = z.strictObject({ provider: z.enum(["openai", "mistral"]).optional(), n: z.coerce.number().int().optional() });
const url = (q: string) => new URL(`http://h/api/x${q}`);

describe("parseUrlQuery (the config reads' remembered query parse)", () => {
  it("answers each query string its own value, the same value again for a repeat", () => {
    const a = parseUrlQuery(url("?provider=openai&n=2"), schema);
    expect(a).toEqual({ provider: "openai", n: 2 });
    expect(parseUrlQuery(url("?provider=openai&n=2"), schema)).toBe(a);
    expect(parseUrlQuery(url("?provider=mistral"), schema)).toEqual({ provider: "mistral" });
    expect(parseUrlQuery(url(""), schema)).toEqual({});
    expect(Object.isFrozen(a)).toBe(true);
  });

  it("refuses a bad query every time, naming the field (a refusal is not remembered as a value)", () => {
    for (let i = 0; i < 2; i++) {
      const err = (() => {
        try {
          parseUrlQuery(url("?provider=nobody"), schema);
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).message).toMatch(/provider/);
    }
  });

  it("keeps schemas apart and stays bounded when callers send endless variants", () => {
    const other = z.strictObject({ provider: z.string().optional() });
    expect(parseUrlQuery(url("?provider=openai"), other)).toEqual({ provider: "openai" });
    for (let i = 0; i < 1000; i++) expect(parseUrlQuery(url(`?n=${i}`), schema)).toEqual({ n: i });
    expect(parseUrlQuery(url("?provider=openai&n=2"), schema)).toEqual({ provider: "openai", n: 2 });
  });
});
