"use client";

import { SearchIcon, XIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { PROVIDERS, TIERS } from "@/lib/domain";
import { PROVIDER_LABEL } from "./labels";
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
      <div className="grid gap-1.5">
        <Label htmlFor="filter-provider">Provider</Label>
        <Select value={value.provider} onValueChange={(v) => set("provider", v as ModelFilterState["provider"])}>
          <SelectTrigger id="filter-provider" className="w-36" data-testid="filter-provider">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value="all">All providers</SelectItem>
            {PROVIDERS.map((p) => (
              <SelectItem key={p} value={p}>
                {PROVIDER_LABEL[p]}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="filter-tier">Tier</Label>
        <Select value={value.tier} onValueChange={(v) => set("tier", v as ModelFilterState["tier"])}>
          <SelectTrigger id="filter-tier" className="w-32" data-testid="filter-tier">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value="all">All tiers</SelectItem>
            {TIERS.map((t) => (
              <SelectItem key={t} value={t}>
                {TIER_LABEL[t]}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="filter-status">Status</Label>
        <Select value={value.status} onValueChange={(v) => set("status", v as ModelFilterState["status"])}>
          <SelectTrigger id="filter-status" className="w-40" data-testid="filter-status">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {Object.entries(STATUS_FILTERS).map(([k, label]) => (
              <SelectItem key={k} value={k}>
                {label}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      {dirty ? (
        <Button variant="ghost" size="sm" onClick={() => onChange(INITIAL_FILTERS)} data-testid="clear-filters">
          <XIcon aria-hidden /> Clear filters
        </Button>
      ) : null}
    </div>
  );
}
