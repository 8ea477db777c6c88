import { useEffect, useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { invalidateRegistry } from "./invalidate";
import type { RunRowWire as RunRow } from "@/lib/config/schemas";
import { useDiscoverMutation } from "./use-discover-mutation";
import { useRunQuery } from "./use-run-query";
import { useRunsQuery } from "./use-runs-query";

export interface UseDiscoveryOptions {
  /** Called once when the followed run ends (not for a run that had already ended when first seen). */
  onFinished?: (run: RunRow) => void;
}

/**
 * Starts discovery and follows the run it started, or the one already under way (a 409, or a running
 * run in the history when the page opens), polling its progress; when it ends the registry is refreshed.
 */
export function useDiscovery({ onFinished }: UseDiscoveryOptions = {}) {
  const qc = useQueryClient();
  const [followed, setFollowed] = useState<{ id: string; alreadyRunning: boolean } | null>(null);
  const runs = useRunsQuery();
  // The run whose end is awaited: set as soon as a run is followed, so a run that ends before the first poll counts.
  const watching = useRef<string | null>(null);
  const start = useDiscoverMutation({
    onSuccess: (res) => {
      watching.current = res.run_id;
      setFollowed({ id: res.run_id, alreadyRunning: res.already_running });
    },
  });
  const newest = runs.data?.[0];
  if (!followed && newest?.status === "running") {
    // Adjusting state while rendering (React's pattern for state derived from props/data): adopt a run started elsewhere.
    setFollowed({ id: newest.id, alreadyRunning: true });
  }
  const runId = followed?.id ?? null;
  const run = useRunQuery(runId, { poll: true });

  const finishedRef = useRef(onFinished);
  useEffect(() => {
    finishedRef.current = onFinished;
  });
  const status = run.data?.status;
  const dataId = run.data?.id;
  useEffect(() => {
    if (!run.data || !dataId) return;
    if (status === "running") {
      watching.current = dataId;
      return;
    }
    if (watching.current === dataId) {
      watching.current = null;
      void invalidateRegistry(qc, { runs: true });
      finishedRef.current?.(run.data);
    }
  }, [status, dataId, run.data, qc]);

  const running = start.isPending || status === "running" || (Boolean(runId) && run.isPending);
  return {
    start: () => start.mutate(),
    startError: start.error,
    run: run.data ?? null,
    runError: run.error,
    running,
    alreadyRunning: Boolean(followed?.alreadyRunning),
  };
}
