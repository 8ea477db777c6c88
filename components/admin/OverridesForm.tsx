"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { OverridesBody } from "@/lib/api/schemas";
import type { ModelRowWire as ModelRow } from "@/lib/config/schemas";
import { useSetOverridesMutation } from "@/hooks/use-set-overrides-mutation";
import { CAPABILITIES } from "./CapabilityIcons";

type Fields = Record<"input_per_mtok" | "output_per_mtok" | "context_window" | "max_tokens" | "successor", string>;
type CapChoice = "" | "yes" | "no";

const NUMBER_FIELDS: { key: Exclude<keyof Fields, "successor">; label: string; step: string }[] = [
  { key: "input_per_mtok", label: "Input $/MTok", step: "any" },
  { key: "output_per_mtok", label: "Output $/MTok", step: "any" },
  { key: "context_window", label: "Context window", step: "1" },
  { key: "max_tokens", label: "Max output", step: "1" },
];

const text = (v: number | undefined) => (v === undefined ? "" : String(v));
// An empty field clears the admin's figure; the sources' figure comes back.
const numberOrNull = (v: string) => (v.trim() === "" ? null : Number(v));

/** The body of the PUT from the form: every field sent, empty ones as null (cleared). */
export function overridesBody(f: Fields, caps: Record<string, CapChoice>): OverridesBody {
  return {
    pricing: { input_per_mtok: numberOrNull(f.input_per_mtok), output_per_mtok: numberOrNull(f.output_per_mtok) },
    context_window: numberOrNull(f.context_window),
    max_tokens: numberOrNull(f.max_tokens),
    successor: f.successor.trim() === "" ? null : f.successor.trim(),
    capabilities: Object.fromEntries(CAPABILITIES.map((c) => [c.key, caps[c.key] === "" ? null : caps[c.key] === "yes"])),
  };
}

/** An admin's own figures of a model: they outrank every source until cleared (empty). */
export function OverridesForm({ model }: { model: ModelRow }) {
  const o = model.overrides;
  const [fields, setFields] = useState<Fields>({
    input_per_mtok: text(o.pricing?.input_per_mtok), output_per_mtok: text(o.pricing?.output_per_mtok),
    context_window: text(o.context_window), max_tokens: text(o.max_tokens), successor: o.successor ?? "",
  });
  const [caps, setCaps] = useState<Record<string, CapChoice>>(
    Object.fromEntries(CAPABILITIES.map((c) => {
      const v = o.capabilities?.[c.key as keyof NonNullable<typeof o.capabilities>];
      return [c.key, v === undefined ? "" : v ? "yes" : "no"];
    })),
  );
  const save = useSetOverridesMutation();
  return (
    <section aria-labelledby="overrides-heading">
      <h3 id="overrides-heading" className="mb-2 font-medium">
        Admin overrides
      </h3>
      <form
        className="grid gap-3 sm:grid-cols-2"
        data-testid="overrides-form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ id: model.id, body: overridesBody(fields, caps) });
        }}
      >
        {NUMBER_FIELDS.map(({ key, label, step }) => (
          <div key={key} className="space-y-1">
            <Label htmlFor={`override-${key}`}>{label}</Label>
            <Input id={`override-${key}`} type="number" min="0" step={step} placeholder="from the sources" value={fields[key]} onChange={(e) => setFields({ ...fields, [key]: e.target.value })} />
          </div>
        ))}
        <div className="space-y-1 sm:col-span-2">
          <Label htmlFor="override-successor">Successor</Label>
          <Input id="override-successor" placeholder={model.metadata.stated_successor ?? "as the provider states"} value={fields.successor} onChange={(e) => setFields({ ...fields, successor: e.target.value })} />
        </div>
        {CAPABILITIES.map(({ key, label }) => (
          <div key={key} className="space-y-1">
            <Label htmlFor={`override-${key}`}>{label}</Label>
            <select id={`override-${key}`} className="h-9 w-full rounded-md border border-input bg-transparent px-2 text-sm" value={caps[key]} onChange={(e) => setCaps({ ...caps, [key]: e.target.value as CapChoice })}>
              <option value="">from the sources</option>
              <option value="yes">yes</option>
              <option value="no">no</option>
            </select>
          </div>
        ))}
        <div className="flex items-center gap-3 sm:col-span-2">
          <Button type="submit" size="sm" disabled={save.isPending}>
            Save overrides
          </Button>
          {save.isError ? <span role="alert" className="text-destructive">{save.error.message}</span> : null}
          {save.isSuccess ? <span role="status" className="text-muted-foreground">Saved</span> : null}
        </div>
      </form>
    </section>
  );
}
