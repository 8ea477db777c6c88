import { z } from "zod";

// Thousands of rows share a few timestamps (a run's now() is its transaction's time): each text is converted once.
const isoOfText = new Map<string, string>();
const MAX_TEXTS = 10_000;

function toIso(v: Date | string): string {
  if (typeof v !== "string") return new Date(v).toISOString();
  let iso = isoOfText.get(v);
  if (iso === undefined) {
    iso = new Date(v).toISOString();
    if (isoOfText.size >= MAX_TEXTS) isoOfText.clear();
    isoOfText.set(v, iso);
  }
  return iso;
}

/** Timestamps come back as Date from both drivers (as text inside JSON documents); the wire wants ISO strings. */
export const timestampSchema = z.union([z.date(), z.string()]).transform(toIso);
export const nullableTimestampSchema = timestampSchema.nullable();

/** int8/numeric arrive as strings from postgres.js and as numbers from PGlite. */
export const numberSchema = z.union([z.number(), z.string(), z.bigint()]).transform(Number);
