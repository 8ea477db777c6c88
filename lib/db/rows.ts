import { z } from "zod";
import { boundedMemo } from "@/lib/collections";

// Thousands of rows share a few timestamps (a run's now() is its transaction's time): each text is converted once.
const isoOfText = boundedMemo(10_000, (text: string) => new Date(text).toISOString());

function toIso(v: Date | string): string {
  return typeof v === "string" ? isoOfText(v) : new Date(v).toISOString();
}

/** Timestamps come back as Date from both drivers (as text inside JSON documents); the wire wants ISO strings. */
export const timestampSchema = z.union([z.date(), z.string()]).transform(toIso);
export const nullableTimestampSchema = timestampSchema.nullable();

/** int8/numeric arrive as strings from postgres.js and as numbers from PGlite. */
export const numberSchema = z.union([z.number(), z.string(), z.bigint()]).transform(Number);
