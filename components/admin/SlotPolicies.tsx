"use client";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { errorMessage } from "@/hooks/api-fetch";
import { useSlotPolicyMutation } from "@/hooks/use-rollout-mutations";
import { useSlotsQuery } from "@/hooks/use-rollout-queries";
import type { Policy } from "@/lib/db/policies-repo";
import { ErrorState } from "./QueryState";
import { providerLabel } from "./labels";

const POLICY_LABEL: Record<Policy, string> = { auto: "Auto: move at once", soak: "Soak: wait, then move", approve: "Approve: wait for an admin" };
const POLICIES = Object.keys(POLICY_LABEL) as Policy[];

/** Per slot: how a new best model becomes its default (auto, soak for some days, or an admin's approval). */
export function SlotPolicies() {
  const slots = useSlotsQuery();
  const update = useSlotPolicyMutation({
    onSuccess: (_, v) => toast({ title: `${providerLabel(v.provider)} ${v.model_type}: policy ${v.policy}`, variant: "success" }),
    onError: (err) => toast({ title: "Could not change the policy", description: errorMessage(err), variant: "destructive" }),
  });
  return (
    <Card data-testid="slot-policies">
      <CardHeader>
        <CardTitle>Promotion policies</CardTitle>
        <CardDescription>A retired or vanished default is replaced at once whatever the policy.</CardDescription>
      </CardHeader>
      <CardContent>
        {slots.isError ? (
          <ErrorState title="The slots could not be loaded" error={slots.error} onRetry={() => void slots.refetch()} />
        ) : !slots.data ? (
          <Skeleton className="h-16 w-full" />
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            {slots.data.map((s) => {
              const id = `policy-${s.provider}-${s.model_type}`;
              return (
                <li key={id} className="min-w-0 space-y-1 rounded-md border p-3 text-sm">
                  <label htmlFor={id} className="font-medium">
                    {providerLabel(s.provider)} {s.model_type}
                  </label>
                  <p className="truncate font-mono text-xs text-muted-foreground">{s.default?.model_name ?? "no default"}</p>
                  <select
                    id={id}
                    data-testid={id}
                    className="w-full min-w-0 max-w-full rounded-md border bg-background px-2 py-1"
                    value={s.policy}
                    disabled={update.isPending}
                    onChange={(e) => update.mutate({ provider: s.provider, model_type: s.model_type, policy: e.target.value as Policy, soak_days: s.soak_days })}
                  >
                    {POLICIES.map((p) => (
                      <option key={p} value={p}>
                        {POLICY_LABEL[p]}
                      </option>
                    ))}
                  </select>
                  {s.policy === "soak" ? <p className="text-xs text-muted-foreground">{s.soak_days} days</p> : null}
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
