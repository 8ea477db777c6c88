import { z } from "zod";
import { DEFAULT_TIERS, PROVIDERS, type DefaultTier, type Provider } from "@/lib/domain";
import { ROUTE_NAME_PATTERN } from "@/lib/registry/route-schema";

// A service key's overrides: which slots and routes that one service reads differently, and what it reads instead.
//   { "openai:flagship": "openai/gpt-5.5", "route:summarize": "route:cheap" }

const ROUTE_NAME = ROUTE_NAME_PATTERN; // the names routes may have
export const MAX_OVERRIDES = 50;

/** What an override replaces: a slot (`provider:type`) or a named route (`route:<name>`). */
export type OverrideSource = { kind: "slot"; provider: Provider; tier: DefaultTier } | { kind: "route"; name: string };
/** What the key reads instead: a fixed model (`provider/model_name`) or another route (`route:<name>`). */
export type OverrideTarget = { kind: "model"; provider: Provider; model_name: string } | { kind: "route"; name: string };

const isProvider = (p: string): p is Provider => (PROVIDERS as readonly string[]).includes(p);
const isTier = (t: string): t is DefaultTier => (DEFAULT_TIERS as readonly string[]).includes(t);

/** `openai:flagship` or `route:summarize` as a source; undefined when it is neither. */
export function parseOverrideSource(key: string): OverrideSource | undefined {
  const route = /^route:(.+)$/.exec(key);
  if (route) return ROUTE_NAME.test(route[1]) ? { kind: "route", name: route[1] } : undefined;
  const [provider, tier, ...rest] = key.split(":");
  if (rest.length > 0 || !isProvider(provider) || tier === undefined || !isTier(tier)) return undefined;
  return { kind: "slot", provider, tier };
}

/** `openai/gpt-5.5` or `route:cheap` as a target; undefined when it is neither. */
export function parseOverrideTarget(value: string): OverrideTarget | undefined {
  const route = /^route:(.+)$/.exec(value);
  if (route) return ROUTE_NAME.test(route[1]) ? { kind: "route", name: route[1] } : undefined;
  const slash = value.indexOf("/");
  const provider = value.slice(0, slash);
  const model = value.slice(slash + 1);
  if (slash < 0 || !isProvider(provider) || !/^[A-Za-z0-9][\w.:@/-]{0,199}$/.test(model)) return undefined;
  return { kind: "model", provider, model_name: model };
}

/** The key of an override source as stored: `openai:flagship`, `route:summarize`. */
export function overrideKey(source: OverrideSource): string {
  return source.kind === "slot" ? `${source.provider}:${source.tier}` : `route:${source.name}`;
}

/** A key's overrides as stored in its JSON column and sent at creation; a bad entry is an issue at its own key. */
export const overridesSchema = z
  .record(z.string(), z.string())
  .superRefine((o, ctx) => {
    const keys = Object.keys(o);
    if (keys.length > MAX_OVERRIDES) ctx.addIssue({ code: "custom", message: `at most ${MAX_OVERRIDES} overrides`, path: [] });
    for (const key of keys) {
      if (!parseOverrideSource(key)) {
        ctx.addIssue({ code: "custom", path: [key], message: 'an override key must be "<provider>:<flagship|fast>" or "route:<name>"' });
      } else if (!parseOverrideTarget(o[key])) {
        ctx.addIssue({ code: "custom", path: [key], message: 'an override value must be "<provider>/<model_name>" or "route:<name>"' });
      } else if (o[key] === key) {
        ctx.addIssue({ code: "custom", path: [key], message: "a route may not be overridden by itself" });
      }
    }
  })
  .describe('Slot ("openai:flagship") or route ("route:summarize") -> fixed model ("openai/gpt-5.5") or route ("route:cheap")');
export type Overrides = z.infer<typeof overridesSchema>;

/** The override a key sets for a slot or route, if any. */
export function overrideFor(overrides: Overrides | undefined, source: OverrideSource): OverrideTarget | undefined {
  const value = overrides?.[overrideKey(source)];
  return value === undefined ? undefined : parseOverrideTarget(value);
}
