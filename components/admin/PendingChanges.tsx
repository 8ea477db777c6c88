"use client";

import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { errorMessage } from "@/hooks/api-fetch";
import { usePendingDecisionMutation } from "@/hooks/use-rollout-mutations";
import { usePendingQuery, type PendingWire } from "@/hooks/use-rollout-queries";
import { formatDateTime, formatPrice, formatTokens } from "@/lib/format";
import { CAPABILITIES } from "./CapabilityIcons";
import { ErrorState } from "./QueryState";
import { ReadBy } from "./ReadBy";
import { providerLabel } from "./labels";

type Side = PendingWire["from_model"];

// The facts an admin weighs before a default moves, row by row.
const FACTS: { label: string; value: (m: NonNullable<Side>) => string }[] = [
  { label: "Input price", value: (m) => formatPrice(m.pricing.input_per_mtok) },
  { label: "Output price", value: (m) => formatPrice(m.pricing.output_per_mtok) },
  { label: "Context window", value: (m) => formatTokens(m.context_window) },
  { label: "Max output", value: (m) => formatTokens(m.max_tokens) },
  ...CAPABILITIES.map((c) => ({ label: c.label, value: (m: NonNullable<Side>) => (m.capabilities[c.key] ? "yes" : "no") })),
];

function Comparison({ p }: { p: PendingWire }) {
  const cell = (m: Side, f: (typeof FACTS)[number]) => (m ? f.value(m) : "—");
  return (
    <table className="w-full text-sm" data-testid="pending-comparison">
      <thead>
        <tr className="text-left text-muted-foreground">
          <th className="py-1 font-normal">&nbsp;</th>
          <th className="py-1 font-normal">Now</th>
          <th className="py-1 font-normal">Proposed</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th className="py-1 text-left font-normal text-muted-foreground">Model</th>
          <td className="py-1 font-mono">{p.from ?? "none"}</td>
          <td className="py-1 font-mono">{p.to}</td>
        </tr>
        {FACTS.map((f) => (
          <tr key={f.label}>
            <th className="py-1 text-left font-normal text-muted-foreground">{f.label}</th>
            <td className="py-1 tabular-nums">{cell(p.from_model, f)}</td>
            <td className="py-1 tabular-nums">{cell(p.to_model, f)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Default changes waiting for their soak period or an admin, each with both models side by side, to approve or reject. */
export function PendingChanges() {
  const pending = usePendingQuery();
  const decide = usePendingDecisionMutation({
    onSuccess: (_, v) => toast({ title: v.decision === "approve" ? "Change approved: the default moved" : "Change rejected: the default stays", variant: "success" }),
    onError: (err) => toast({ title: "Could not decide the change", description: errorMessage(err), variant: "destructive" }),
  });
  const rows = pending.data ?? [];
  return (
    <Card data-testid="pending-changes">
      <CardHeader>
        <CardTitle>Pending default changes</CardTitle>
        <CardDescription>Slots under a soak or approve policy hold a new best model here before it becomes the default.</CardDescription>
      </CardHeader>
      <CardContent>
        {pending.isPending ? (
          <Skeleton className="h-16 w-full" />
        ) : pending.isError ? (
          <ErrorState title="The pending changes could not be loaded" error={pending.error} onRetry={() => void pending.refetch()} />
        ) : rows.length === 0 ? (
          <p className="text-sm text-muted-foreground">Nothing is waiting.</p>
        ) : (
          <ul className="grid gap-4 lg:grid-cols-2">
            {rows.map((p) => (
              <li key={p.id} className="min-w-0 space-y-3 overflow-x-auto rounded-md border p-3" data-testid="pending-change" data-slot={`${p.provider}/${p.model_type}`}>
                <div className="text-sm">
                  <p className="font-medium">
                    {providerLabel(p.provider)} {p.model_type}: <span className="font-mono">{p.from ?? "none"}</span> → <span className="font-mono">{p.to}</span>{" "}
                    <ReadBy kind="slot" target={`${p.provider}:${p.model_type}`} />
                  </p>
                  <p className="text-xs text-muted-foreground">
                    {p.policy === "soak" ? `Soak: promoted after ${formatDateTime(p.promote_after)} if still the best` : "Waits for an admin"} · first seen {formatDateTime(p.first_seen_at)} · {p.reason}
                  </p>
                </div>
                <Comparison p={p} />
                <div className="flex gap-2">
                  <Button size="sm" disabled={decide.isPending} onClick={() => decide.mutate({ id: p.id, decision: "approve" })}>
                    Approve
                  </Button>
                  <Button size="sm" variant="outline" disabled={decide.isPending} onClick={() => decide.mutate({ id: p.id, decision: "reject" })}>
                    Reject
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
