"use client";

import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { CAPABILITIES } from "./CapabilityIcons";
import { FILTER_NUMBERS, type FilterDraft, type FilterNumber } from "./route-draft";

const NUMBER_LABEL: Record<FilterNumber, string> = {
  min_context: "Min context (tokens)",
  min_output: "Min output (tokens)",
  max_input_price: "Max input $/MTok",
  max_output_price: "Max output $/MTok",
};

/** The select filters (capabilities, limits, prices, providers) of a select step or of a route's constraints. */
export function FilterFields({ id, value, onChange }: { id: string; value: FilterDraft; onChange: (next: FilterDraft) => void }) {
  const toggle = (key: string, on: boolean) =>
    onChange({ ...value, capabilities: on ? [...value.capabilities, key] : value.capabilities.filter((c) => c !== key) });
  return (
    <div className="grid gap-2 sm:grid-cols-2">
      <fieldset className="sm:col-span-2">
        <legend className="text-sm font-medium">Capabilities</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {CAPABILITIES.map((c) => (
            <label key={c.key} className="flex items-center gap-1.5 text-sm">
              <input type="checkbox" checked={value.capabilities.includes(c.key)} onChange={(e) => toggle(c.key, e.target.checked)} />
              {c.label}
            </label>
          ))}
        </div>
      </fieldset>
      {FILTER_NUMBERS.map((k) => (
        <div key={k} className="space-y-1">
          <Label htmlFor={`${id}-${k}`}>{NUMBER_LABEL[k]}</Label>
          <Input
            id={`${id}-${k}`}
            inputMode="decimal"
            placeholder="any"
            value={value.numbers[k]}
            onChange={(e) => onChange({ ...value, numbers: { ...value.numbers, [k]: e.target.value } })}
          />
        </div>
      ))}
      <div className="space-y-1 sm:col-span-2">
        <Label htmlFor={`${id}-providers`}>Providers (comma list, in order of preference)</Label>
        <Input id={`${id}-providers`} placeholder="any" value={value.providers} onChange={(e) => onChange({ ...value, providers: e.target.value })} />
      </div>
    </div>
  );
}
