"use client";

import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { errorMessage } from "@/hooks/api-fetch";
import { useRestoreMutation } from "@/hooks/use-rollout-mutations";
import type { DefaultChangeRowWire } from "@/lib/api/schemas";
import { ConfirmAction } from "./ConfirmAction";
import { providerLabel } from "./labels";

/** "Restore" on a default-history entry: its earlier model becomes the slot's pinned default again (reason "rollback"). */
export function RestoreButton({ entry }: { entry: DefaultChangeRowWire }) {
  const restore = useRestoreMutation({
    onSuccess: () => toast({ title: `Restored ${entry.from_model} as the ${providerLabel(entry.provider)} ${entry.model_type} default (pinned)`, variant: "success" }),
    onError: (err) => toast({ title: "Could not restore", description: errorMessage(err), variant: "destructive" }),
  });
  if (!entry.from_model || entry.model_type === "legacy" || entry.from_model === entry.to_model) return null;
  const slot = entry.model_type;
  return (
    <ConfirmAction
      testId="restore-dialog"
      trigger={
        <Button size="sm" variant="ghost" className="h-6 px-2" disabled={restore.isPending} aria-label={`Restore ${entry.from_model}`}>
          Restore
        </Button>
      }
      title={`Restore ${entry.from_model}?`}
      description={`It becomes the pinned ${providerLabel(entry.provider)} ${slot} default again; runs keep it until it is unpinned.`}
      confirmLabel="Restore"
      onConfirm={() => restore.mutate({ provider: entry.provider, model_type: slot, change_id: entry.id })}
    />
  );
}
