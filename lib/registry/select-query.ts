import { z } from "zod";
import { CAPABILITY_KEYS, PROVIDERS, TIERS } from "@/lib/domain";

// The select question (CONTRACT §9): one schema for both shapes, a query string (comma lists, numbers and
// booleans as text) and a JSON body or route step (arrays, numbers, booleans).

const commaList = (v: unknown) => (typeof v === "string" ? v.split(",").map((s) => s.trim()).filter((s) => s !== "") : v);
// Decimal text as JSON writes numbers (an exponent included: Python writes 1e-06).
const numeric = (v: unknown) => (typeof v === "string" && /^\s*\d+(\.\d+)?([eE][-+]?\d+)?\s*$/.test(v) ? Number(v) : v);
const boolText = (v: unknown) => (v === "true" ? true : v === "false" ? false : v);

function list<T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.preprocess(
    commaList,
    z
      .array(z.enum(values, { error: `expected one of ${values.join(", ")}` }))
      .max(values.length * 2)
      .transform((xs) => [...new Set(xs)]),
  ).describe(`${what}: a comma list in a query string, an array in a body (${values.join(", ")})`);
}

const tokens = (what: string) =>
  z.preprocess(numeric, z.number({ error: "expected a whole number of tokens" }).int().positive().max(100_000_000)).describe(what);
const price = (what: string) =>
  z.preprocess(numeric, z.number({ error: "expected a price in USD per million tokens" }).nonnegative().max(100_000)).describe(what);

export const SELECT_TYPES = [...TIERS, "any"] as const;
export const SELECT_ORDERS = ["rank", "price"] as const;

/** The select parameters; each field optional so a route step may state only what it needs. */
export const selectFilterShape = {
  capabilities: list(CAPABILITY_KEYS, "Capabilities the model must have (true, not unknown)").optional(),
  min_context: tokens("Smallest context window, in tokens").optional(),
  min_output: tokens("Smallest output limit (max_tokens), in tokens").optional(),
  max_input_price: price("Highest input price, USD per million tokens").optional(),
  max_output_price: price("Highest output price, USD per million tokens").optional(),
  providers: list(PROVIDERS, "Only these providers; their order breaks ties of order=rank").optional(),
};

/** The select question with its defaults: type any, order rank, previews left out. Unknown names are refused. */
export const selectQuerySchema = z.strictObject({
  type: z.enum(SELECT_TYPES, { error: `expected one of ${SELECT_TYPES.join(", ")}` }).default("any").describe("flagship, fast, legacy or any (every active, reviewed model; default)"),
  ...selectFilterShape,
  order: z.enum(SELECT_ORDERS, { error: "expected rank or price" }).default("rank").describe("rank (tier, then each provider's ranking; default) or price (input, then output, ascending)"),
  include_preview: z.preprocess(boolText, z.boolean({ error: 'expected "true" or "false"' })).default(false).describe("Let preview models qualify (false when omitted)"),
});
/** A parsed select question (defaults applied). */
export type SelectQuery = z.output<typeof selectQuerySchema>;
/** A select question as written (a route step keeps what the admin wrote). */
export type SelectInput = z.input<typeof selectQuerySchema>;

/** Constraints a route puts on whatever its steps resolve to: the select filters, no type or order. */
export const routeConstraintsSchema = z.strictObject(selectFilterShape);
export type RouteConstraints = z.output<typeof routeConstraintsSchema>;
