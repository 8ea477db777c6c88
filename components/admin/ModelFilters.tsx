"use client";

import { SearchIcon, XIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { PROVIDER_LABELS, PROVIDERS, TIERS } from "@/lib/domain";
import { INITIAL_FILTERS, STATUS_FILTERS, type ModelFilterState } from "./model-view";

interface Props {
  value: ModelFilterState;
  onChange: (next: ModelFilterState) => void;
}

const TIER_LABEL = { flagship: "Flagship", fast: "Fast", legacy: "Legacy" } as const;

/** Provider, tier and status selects and a text search over the model table. */
export function ModelFilters({ value, onChange }: Props) {
  const set = <K extends keyof ModelFilterState>(key: K, v: ModelFilterState[K]) => onChange({ ...value, [key]: v });
  const dirty = JSON.stringify(value) !== JSON.stringify(INITIAL_FILTERS);
  return (
    <div className="flex flex-wrap items-end gap-3" data-testid="model-filters">
      <div className="grid w-full gap-1.5 sm:w-64">
        <Label htmlFor="model-search">Search</Label>
        <div className="relative">
          <SearchIcon className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <Input
            id="model-search"
            type="search"
            placeholder="Name, family or alias"
            className="pl-8"
            value={value.search}
            onChange={(e) => set("search", e.target.value)}
            data-testid="model-search"
          />
        </div>
      </div>
      <FilterSelect
        id="filter-provider"
        label="Provider"
        width="w-36"
        value={value.provider}
        options={[["all", "All providers"], ...PROVIDERS.map((p) => [p, PROVIDER_LABELS[p]] as const)]}
        onChange={(v) => set("provider", v)}
      />
      <FilterSelect
        id="filter-tier"
        label="Tier"
        width="w-32"
        value={value.tier}
        options={[["all", "All tiers"], ...TIERS.map((t) => [t, TIER_LABEL[t]] as const)]}
        onChange={(v) => set("tier", v)}
      />
      <FilterSelect
        id="filter-status"
        label="Status"
        width="w-40"
        value={value.status}
        options={Object.entries(STATUS_FILTERS) as [ModelFilterState["status"], string][]}
        onChange={(v) => set("status", v)}
      />
      {dirty ? (
        <Button variant="ghost" size="sm" onClick={() => onChange(INITIAL_FILTERS)} data-testid="clear-filters">
          <XIcon aria-hidden /> Clear filters
        </Button>
      ) : null}
    </div>
  );
}

interface FilterSelectProps<T extends string> {
  id: string;
  label: string;
  width: string;
  value: T;
  options: readonly (readonly [T, string])[];
  onChange: (value: T) => void;
}

/** One labelled filter select; its id doubles as the test id. */
function FilterSelect<T extends string>({ id, label, width, value, options, onChange }: FilterSelectProps<T>) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Select value={value} onValueChange={(v) => onChange(v as T)}>
        <SelectTrigger id={id} className={width} data-testid={id}>
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          {options.map(([key, text]) => (
            <SelectItem key={key} value={key}>
              {text}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </div>
  );
}
