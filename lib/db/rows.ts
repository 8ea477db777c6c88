import { z } from "zod";

/** Timestamps come back as Date from both drivers; the wire wants ISO strings. */
export const timestampSchema = z.union([z.date(), z.string()]).transform((v) => new Date(v).toISOString());
export const nullableTimestampSchema = timestampSchema.nullable();

/** int8/numeric arrive as strings from postgres.js and as numbers from PGlite. */
export const numberSchema = z.union([z.number(), z.string(), z.bigint()]).transform(Number);
