"use client";

import { AlertCircleIcon, RotateCwIcon } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ApiClientError, errorMessage } from "@/hooks/api-fetch";

/** An error of a query, with a Retry button that refetches. */
export function ErrorState({ title, error, onRetry, testId }: { title: string; error: unknown; onRetry: () => void; testId?: string }) {
  return (
    <Alert variant="destructive" data-testid={testId ?? "error-state"}>
      <AlertCircleIcon aria-hidden />
      <AlertTitle>{title}</AlertTitle>
      <AlertDescription>
        <p>{errorMessage(error)}</p>
        <div className="mt-2 flex flex-wrap gap-2">
          <Button variant="outline" size="sm" onClick={onRetry}>
            <RotateCwIcon aria-hidden /> Retry
          </Button>
          {error instanceof ApiClientError && error.status === 401 ? (
            <Button asChild size="sm">
              <a href="/login?next=/admin">Sign in again</a>
            </Button>
          ) : null}
        </div>
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
