"use client";

import { AlertCircleIcon, RotateCwIcon } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/hooks/api-fetch";

/** An error of a query, with a Retry button that refetches. */
export function ErrorState({ title, error, onRetry, testId }: { title: string; error: unknown; onRetry: () => void; testId?: string }) {
  return (
    <Alert variant="destructive" data-testid={testId ?? "error-state"}>
      <AlertCircleIcon aria-hidden />
      <AlertTitle>{title}</AlertTitle>
      <AlertDescription>
        <p>{errorMessage(error)}</p>
        <Button variant="outline" size="sm" className="mt-2" onClick={onRetry}>
          <RotateCwIcon aria-hidden /> Retry
        </Button>
      </AlertDescription>
    </Alert>
  );
}

/** A quiet message where a list has nothing to show. */
export function EmptyState({ title, children, testId }: { title: string; children?: React.ReactNode; testId?: string }) {
  return (
    <div data-testid={testId ?? "empty-state"} className="rounded-lg border border-dashed p-8 text-center">
      <p className="font-medium">{title}</p>
      {children ? <div className="mt-1 text-sm text-muted-foreground">{children}</div> : null}
    </div>
  );
}
