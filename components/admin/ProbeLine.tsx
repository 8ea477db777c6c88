import type { ModelDetailResponse } from "@/lib/api/schemas";
import { formatDateTime } from "@/lib/format";

/** The model's last probe before a promotion (DISCOVERY_PROBE): when, how, whether it served, latency or error. */
export function ProbeLine({ probe }: { probe: ModelDetailResponse["probe"] | null }) {
  if (!probe) return <p className="text-sm text-muted-foreground" data-testid="model-probe">Never probed.</p>;
  return (
    <p className="text-sm" data-testid="model-probe" data-ok={probe.ok}>
      <span className="font-medium">Last probe ({probe.mode === "get" ? "retrieve model" : "one-token call"}):</span>{" "}
      <span className={probe.ok ? "" : "text-destructive"}>{probe.ok ? `served in ${probe.latency_ms} ms` : `failed: ${probe.error ?? "unknown error"}`}</span>{" "}
      <span className="text-muted-foreground">· {formatDateTime(probe.probed_at)}</span>
    </p>
  );
}
