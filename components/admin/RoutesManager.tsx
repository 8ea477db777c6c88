"use client";

import { useState } from "react";
import { PencilIcon, PlusIcon, TrashIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { errorMessage } from "@/hooks/api-fetch";
import { useDeleteRouteMutation } from "@/hooks/use-route-mutations";
import { useRoutesQuery, type RoutePreviewWire } from "@/hooks/use-routes-query";
import { ConfirmAction } from "./ConfirmAction";
import { EmptyState, ErrorState } from "./QueryState";
import { draftFromRoute, emptyDraft, type RouteDraft } from "./route-draft";
import { RouteForm } from "./RouteForm";
import { RoutePreview } from "./RoutePreview";

type Editing = { original?: string; initial: RouteDraft } | null;

/** Named routes (task aliases): each an ordered chain of steps, with a live preview of what it resolves to now. */
export function RoutesManager() {
  const routes = useRoutesQuery();
  const [editing, setEditing] = useState<Editing>(null);
  const remove = useDeleteRouteMutation({
    onSuccess: (_, name) => toast({ title: `Route ${name} deleted`, variant: "success" }),
    onError: (err) => toast({ title: "Could not delete the route", description: errorMessage(err), variant: "destructive" }),
  });
  return (
    <Card data-testid="routes-manager">
      <CardHeader className="flex flex-row items-start justify-between gap-4">
        <div className="space-y-1.5">
          <CardTitle>Routes</CardTitle>
          <CardDescription>
            Services ask for a task by name (<code>GET /api/ai-model-config/routes/&lt;name&gt;</code>); the first step that resolves answers.
          </CardDescription>
        </div>
        <Button size="sm" onClick={() => setEditing({ initial: emptyDraft() })}>
          <PlusIcon aria-hidden /> New route
        </Button>
      </CardHeader>
      <CardContent>
        {routes.isError ? (
          <ErrorState title="The routes could not be loaded" error={routes.error} onRetry={() => void routes.refetch()} />
        ) : !routes.data ? (
          <Skeleton className="h-24 w-full" data-testid="routes-loading" />
        ) : routes.data.length === 0 ? (
          <EmptyState title="No routes yet" testId="routes-empty">
            Create one, e.g. <code>summarize</code>: anthropic:fast, then the cheapest fast model with vision.
          </EmptyState>
        ) : (
          <ul className="space-y-3">
            {routes.data.map((r) => (
              <RouteItem key={r.name} route={r} onEdit={() => setEditing({ original: r.name, initial: draftFromRoute(r) })} onDelete={() => remove.mutate(r.name)} />
            ))}
          </ul>
        )}
      </CardContent>
      {editing ? <RouteForm key={editing.original ?? "new"} original={editing.original} initial={editing.initial} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}

function RouteItem({ route, onEdit, onDelete }: { route: RoutePreviewWire; onEdit: () => void; onDelete: () => void }) {
  return (
    <li className="space-y-2 rounded-md border p-3" data-testid={`route-${route.name}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="font-mono font-medium">{route.name}</h3>
          {route.description ? <p className="text-sm text-muted-foreground">{route.description}</p> : null}
        </div>
        <div className="flex gap-1">
          <Button variant="outline" size="sm" onClick={onEdit} aria-label={`Edit route ${route.name}`}>
            <PencilIcon aria-hidden /> Edit
          </Button>
          <ConfirmAction
            trigger={
              <Button variant="outline" size="sm" aria-label={`Delete route ${route.name}`}>
                <TrashIcon aria-hidden /> Delete
              </Button>
            }
            title={`Delete route ${route.name}?`}
            description="Services asking for it get 404 from then on."
            confirmLabel="Delete"
            onConfirm={onDelete}
          />
        </div>
      </div>
      <RoutePreview route={route} />
    </li>
  );
}
