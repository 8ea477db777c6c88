"use client";

import { useState } from "react";
import { PinIcon, PinOffIcon, TagIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { toast } from "@/components/ui/toast";
import { errorMessage } from "@/hooks/api-fetch";
import type { ModelDetailResponse } from "@/lib/api/schemas";
import type { ModelRowWire as ModelRow } from "@/lib/config/schemas";

type Pinnability = ModelDetailResponse["pin"];
import { useClassifyModelMutation } from "@/hooks/use-classify-model-mutation";
import { usePinModelMutation } from "@/hooks/use-pin-model-mutation";
import { useUnpinModelMutation } from "@/hooks/use-unpin-model-mutation";
import { TIERS, type Tier } from "@/lib/domain";
import { ConfirmAction } from "./ConfirmAction";
import { providerLabel } from "./labels";

const failed = (title: string) => (err: unknown) => toast({ title, description: errorMessage(err), variant: "destructive" });

/** Pin as default, unpin, and classify: each confirmed first, with a toast for the outcome. `pin` is the server's pin rule for this model. */
export function ModelActions({ model, pin: pinRule }: { model: ModelRow; pin?: Pinnability }) {
  const who = `${providerLabel(model.provider)} ${model.model_type}`;
  const pin = usePinModelMutation({
    onSuccess: () => toast({ title: "Pinned", description: `${model.model_name} is now the ${who} default.`, variant: "success" }),
    onError: failed("Could not pin the model"),
  });
  const unpin = useUnpinModelMutation({
    onSuccess: (res) =>
      toast({
        title: "Unpinned",
        description: res.default ? `The ${who} default is now ${res.default.model_name}.` : `No model qualifies as the ${who} default.`,
        variant: "success",
      }),
    onError: failed("Could not unpin the model"),
  });
  const classify = useClassifyModelMutation({
    onSuccess: (_d, v) => toast({ title: "Classified", description: `${model.model_name} is now ${v.model_type}.`, variant: "success" }),
    onError: failed("Could not classify the model"),
  });
  const [tier, setTier] = useState<Tier>(model.model_type);
  const busy = pin.isPending || unpin.isPending || classify.isPending;
  const canPin = !!pinRule?.allowed && !model.is_pinned;

  return (
    <div className="flex flex-wrap gap-2" data-testid="model-actions">
      {model.is_pinned ? (
        <ConfirmAction
          trigger={
            <Button variant="outline" disabled={busy} data-testid="unpin-model">
              <PinOffIcon aria-hidden /> Unpin
            </Button>
          }
          title={`Unpin ${model.model_name}?`}
          description={`The rules pick the ${who} default again at once; it may be another model.`}
          confirmLabel="Unpin"
          onConfirm={() => unpin.mutate({ id: model.id })}
        />
      ) : canPin ? (
        <ConfirmAction
          trigger={
            <Button disabled={busy} data-testid="pin-model">
              <PinIcon aria-hidden /> {model.is_default ? "Pin" : "Pin as default"}
            </Button>
          }
          title={`Pin ${model.model_name} as the ${who} default?`}
          description={
            model.is_default
              ? "It is the default already; pinned, discovery keeps it even when a newer model appears, until you unpin it."
              : "The config API answers it at once, and discovery keeps it until you unpin it."
          }
          confirmLabel={model.is_default ? "Pin" : "Pin as default"}
          onConfirm={() => pin.mutate({ id: model.id })}
        />
      ) : null}
      <ConfirmAction
        trigger={
          <Button variant={model.needs_review ? "default" : "outline"} disabled={busy} data-testid="classify-model">
            <TagIcon aria-hidden /> {model.needs_review ? "Classify" : "Change tier"}
          </Button>
        }
        title={`Classify ${model.model_name}`}
        description="Choose its tier. Discovery keeps a tier set by hand."
        confirmLabel="Save tier"
        onConfirm={() => classify.mutate({ id: model.id, model_type: tier })}
        testId="classify-dialog"
      >
        <div className="grid gap-1.5">
          <Label htmlFor="classify-tier">Tier</Label>
          <Select value={tier} onValueChange={(v) => setTier(v as Tier)}>
            <SelectTrigger id="classify-tier" className="w-40" data-testid="classify-tier">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {TIERS.map((t) => (
                <SelectItem key={t} value={t}>
                  {t[0].toUpperCase() + t.slice(1)}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
      </ConfirmAction>
    </div>
  );
}
