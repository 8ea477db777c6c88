import { z } from "zod";
import { PROVIDERS, tierSchema, type Provider, type Tier } from "@/lib/domain";
import raw from "./rules.json";

const regexSchema = z.string().min(1).refine((p) => {
  try {
    new RegExp(p);
    return true;
  } catch {
    return false;
  }
}, "not a valid regular expression");

const setAsideSchema = z.object({ pattern: regexSchema, reason: z.string().min(1) });

const ruleSchema = z.object({
  pattern: regexSchema,
  tier: tierSchema,
  family: z.string().min(1),
  line: z.string().min(1).optional(),
  preference: z.number().int().default(0),
});

const providerRulesSchema = z.object({
  snapshot_pattern: regexSchema.describe("Dated snapshot suffix; its first group is the snapshot stamp"),
  stable_suffix: z.string().describe("Suffix of the stable alias of a snapshot group ('' or '-latest')"),
  rank_order: z.array(z.enum(["version", "preference"])).length(2),
  set_aside: z.array(setAsideSchema),
  rules: z.array(ruleSchema).min(1),
});

export const rulesFileSchema = z.object({
  $comment: z.string().optional(),
  version: z.string(),
  shutdown_guard_days: z.number().int().nonnegative(),
  fast_guess_pattern: regexSchema,
  preview_pattern: regexSchema,
  set_aside: z.array(setAsideSchema),
  providers: z.object(Object.fromEntries(PROVIDERS.map((p) => [p, providerRulesSchema])) as {
    [K in Provider]: typeof providerRulesSchema;
  }),
});

/** A rule with its pattern compiled. */
export interface CompiledRule {
  index: number;
  regex: RegExp;
  tier: Tier;
  family: string;
  line?: string;
  preference: number;
}

export interface CompiledProviderRules {
  snapshot: RegExp;
  stableSuffix: string;
  rankOrder: ("version" | "preference")[];
  setAside: { regex: RegExp; reason: string }[];
  rules: CompiledRule[];
}

export interface CompiledRules {
  version: string;
  shutdownGuardDays: number;
  fastGuess: RegExp;
  preview: RegExp;
  providers: Record<Provider, CompiledProviderRules>;
}

/** Validates and compiles a rules document (rules.json unless another is given, e.g. by a test). */
export function compileRules(doc: unknown): CompiledRules {
  const r = rulesFileSchema.parse(doc);
  const common = r.set_aside.map((s) => ({ regex: new RegExp(s.pattern, "i"), reason: s.reason }));
  const providers = Object.fromEntries(
    PROVIDERS.map((p) => {
      const pr = r.providers[p];
      const compiled: CompiledProviderRules = {
        snapshot: new RegExp(pr.snapshot_pattern, "i"),
        stableSuffix: pr.stable_suffix,
        rankOrder: pr.rank_order,
        setAside: [...common, ...pr.set_aside.map((s) => ({ regex: new RegExp(s.pattern, "i"), reason: s.reason }))],
        rules: pr.rules.map((rule, index) => ({ index, regex: new RegExp(rule.pattern, "i"), ...rule })),
      };
      return [p, compiled];
    }),
  ) as Record<Provider, CompiledProviderRules>;
  return {
    version: r.version,
    shutdownGuardDays: r.shutdown_guard_days,
    fastGuess: new RegExp(r.fast_guess_pattern, "i"),
    preview: new RegExp(r.preview_pattern, "i"),
    providers,
  };
}

let loaded: CompiledRules | undefined;

/** The classification rules of rules.json, validated once; a bad edit fails loudly at first use. */
export function getRules(): CompiledRules {
  loaded ??= compileRules(raw);
  return loaded;
}
