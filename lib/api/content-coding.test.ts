import { describe, expect, it } from "vitest";
import { negotiateContentCoding } from "./content-coding";

describe("negotiateContentCoding", () => {
  // What Next's server sent for each header (observed on `npm start` with AMM_FAST_PATH=off).
  it.each([
    [undefined, undefined],
    ["", undefined],
    ["gzip", "gzip"],
    ["deflate", "deflate"],
    ["br", undefined],
    ["identity", undefined],
    ["gzip;q=0", undefined],
    ["br, gzip", "gzip"],
    ["gzip, deflate, br, zstd", "gzip"],
    ["*", "gzip"],
    ["*;q=0", undefined],
    ["deflate, gzip", "gzip"], // gzip whenever it is acceptable
    ["deflate;q=1, gzip;q=0.5", "gzip"],
    ["gzip;q=0, deflate", "deflate"],
    ["gzip;q=0.5, identity", undefined], // identity preferred
    ["gzip;q=0.5", "gzip"], // identity not named: acceptable only at the lowest listed quality
    ["GZIP", "gzip"],
    ["gzip;q=nope", undefined],
    [" , ;q=1", undefined],
    ["identity;q=0, gzip;q=0", undefined],
    ["deflate;q=0.5, identity;q=0.4", "deflate"],
  ] as const)("Accept-Encoding %j: %s, as Next's server answers", (header, coding) => {
    expect(negotiateContentCoding(header)).toBe(coding);
  });
});
