"use client";

import { ArrowDownIcon, ArrowUpIcon, TrashIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { DEFAULT_TIERS, PROVIDERS } from "@/lib/domain";
import { FilterFields } from "./FilterFields";
import { newStep, type StepDraft } from "./route-draft";

const SELECT_CLASS = "h-9 w-full rounded-md border border-input bg-transparent px-2 text-sm";
const SLOTS = PROVIDERS.flatMap((p) => DEFAULT_TIERS.map((t) => `${p}:${t}`));

interface Props {
  index: number;
  count: number;
  step: StepDraft;
  onChange: (next: StepDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

/** One step of a route in the form: its kind, then a slot, a model name or a select question. */
export function StepEditor({ index, count, step, onChange, onMove, onRemove }: Props) {
  const id = `route-step-${index}`;
  return (
    <li className="space-y-2 rounded-md border p-3" data-testid={id}>
      <div className="flex items-end gap-2">
        <div className="flex-1 space-y-1">
          <Label htmlFor={`${id}-kind`}>Kind of step {index + 1}</Label>
          <select id={`${id}-kind`} className={SELECT_CLASS} value={step.kind} onChange={(e) => onChange(newStep(e.target.value as StepDraft["kind"]))}>
            <option value="slot">Slot (a provider&apos;s default)</option>
            <option value="model">Fixed model</option>
            <option value="select">Select query</option>
          </select>
        </div>
        <Button type="button" variant="ghost" size="icon" aria-label={`Move step ${index + 1} up`} disabled={index === 0} onClick={() => onMove(-1)}>
          <ArrowUpIcon aria-hidden />
        </Button>
        <Button type="button" variant="ghost" size="icon" aria-label={`Move step ${index + 1} down`} disabled={index === count - 1} onClick={() => onMove(1)}>
          <ArrowDownIcon aria-hidden />
        </Button>
        <Button type="button" variant="ghost" size="icon" aria-label={`Remove step ${index + 1}`} disabled={count === 1} onClick={onRemove}>
          <TrashIcon aria-hidden />
        </Button>
      </div>
      {step.kind === "slot" ? (
        <div className="space-y-1">
          <Label htmlFor={`${id}-slot`}>Slot</Label>
          <select id={`${id}-slot`} className={SELECT_CLASS} value={step.slot} onChange={(e) => onChange({ ...step, slot: e.target.value })}>
            {SLOTS.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
      ) : step.kind === "model" ? (
        <div className="space-y-1">
          <Label htmlFor={`${id}-model`}>Model (provider/model name)</Label>
          <Input id={`${id}-model`} placeholder="openai/gpt-5.5" value={step.model} onChange={(e) => onChange({ ...step, model: e.target.value })} />
        </div>
      ) : (
        <SelectStepFields id={id} step={step} onChange={onChange} />
      )}
    </li>
  );
}

type SelectStep = Extract<StepDraft, { kind: "select" }>;

/** A select step's question: type, order, previews, and the filters. */
function SelectStepFields({ id, step, onChange }: { id: string; step: SelectStep; onChange: (next: StepDraft) => void }) {
  return (
    <div className="space-y-2">
      <div className="grid gap-2 sm:grid-cols-3">
        <div className="space-y-1">
          <Label htmlFor={`${id}-type`}>Type</Label>
          <select id={`${id}-type`} className={SELECT_CLASS} value={step.type} onChange={(e) => onChange({ ...step, type: e.target.value })}>
            {["any", "flagship", "fast", "legacy"].map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <Label htmlFor={`${id}-order`}>Order</Label>
          <select id={`${id}-order`} className={SELECT_CLASS} value={step.order} onChange={(e) => onChange({ ...step, order: e.target.value })}>
            <option value="rank">rank</option>
            <option value="price">price</option>
          </select>
        </div>
        <label className="flex items-end gap-1.5 pb-2 text-sm">
          <input type="checkbox" checked={step.include_preview} onChange={(e) => onChange({ ...step, include_preview: e.target.checked })} />
          Include previews
        </label>
      </div>
      <FilterFields id={id} value={step.filters} onChange={(filters) => onChange({ ...step, filters })} />
    </div>
  );
}
