"use client";

import { useState } from "react";
import { PlusIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toast";
import { useSaveRouteMutation } from "@/hooks/use-route-mutations";
import { FilterFields } from "./FilterFields";
import { newStep, routeBody, type RouteDraft, type StepDraft } from "./route-draft";
import { StepEditor } from "./StepEditor";

interface Props {
  /** The route being edited (its name is kept), or undefined for a new one. */
  original?: string;
  initial: RouteDraft;
  onClose: () => void;
}

const move = <T,>(xs: T[], i: number, by: number) => {
  const out = [...xs];
  [out[i], out[i + by]] = [out[i + by], out[i]];
  return out;
};

/** Create or edit a route: name, description, its steps in order, and optional constraints on the whole route. */
export function RouteForm({ original, initial, onClose }: Props) {
  const [draft, setDraft] = useState<RouteDraft>(initial);
  const save = useSaveRouteMutation({
    onSuccess: (_, v) => {
      toast({ title: `Route ${v.route.name} saved`, variant: "success" });
      onClose();
    },
  });
  const setStep = (i: number, s: StepDraft) => setDraft({ ...draft, steps: draft.steps.map((x, j) => (j === i ? s : x)) });
  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent className="sm:max-w-2xl" data-testid="route-form">
        <DialogHeader>
          <DialogTitle>{original ? `Edit route ${original}` : "New route"}</DialogTitle>
          <DialogDescription>Steps are tried in order; the first that resolves to an active model answers.</DialogDescription>
        </DialogHeader>
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ original, route: routeBody(draft) });
          }}
        >
          <div className="grid gap-3 sm:grid-cols-2">
            <div className="space-y-1">
              <Label htmlFor="route-name">Name</Label>
              <Input id="route-name" placeholder="summarize" value={draft.name} disabled={!!original} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
            </div>
            <div className="space-y-1">
              <Label htmlFor="route-description">Description</Label>
              <Input id="route-description" value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} />
            </div>
          </div>
          <ol className="space-y-2" aria-label="Steps">
            {draft.steps.map((s, i) => (
              <StepEditor
                key={i}
                index={i}
                count={draft.steps.length}
                step={s}
                onChange={(next) => setStep(i, next)}
                onMove={(by) => setDraft({ ...draft, steps: move(draft.steps, i, by) })}
                onRemove={() => setDraft({ ...draft, steps: draft.steps.filter((_, j) => j !== i) })}
              />
            ))}
          </ol>
          <Button type="button" variant="outline" size="sm" disabled={draft.steps.length >= 10} onClick={() => setDraft({ ...draft, steps: [...draft.steps, newStep("slot")] })}>
            <PlusIcon aria-hidden /> Add step
          </Button>
          <details className="rounded-md border p-3">
            <summary className="cursor-pointer text-sm font-medium">Constraints on the whole route (optional)</summary>
            <div className="mt-2">
              <FilterFields id="route-constraints" value={draft.constraints} onChange={(constraints) => setDraft({ ...draft, constraints })} />
            </div>
          </details>
          {save.isError ? (
            <p role="alert" className="text-sm text-destructive" data-testid="route-form-error">
              {save.error.message}
            </p>
          ) : null}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={save.isPending}>
              {original ? "Save route" : "Create route"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
