"use client";

import { useEffect } from "react";
import { AlertCircleIcon, RotateCwIcon } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Shown when the admin page fails to render; `retry` re-fetches the segment. */
export default function AdminError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String((error as { digest?: string }).digest ?? "") : "";
  return (
    <Alert variant="destructive" className="max-w-xl">
      <AlertCircleIcon aria-hidden />
      <AlertTitle>The admin console could not be loaded</AlertTitle>
      <AlertDescription>
        <p>Something went wrong on the server{digest ? ` (reference ${digest})` : ""}. Try again in a moment.</p>
        <Button variant="outline" size="sm" onClick={() => retry()} className="mt-2">
          <RotateCwIcon aria-hidden /> Try again
        </Button>
      </AlertDescription>
    </Alert>
  );
}
