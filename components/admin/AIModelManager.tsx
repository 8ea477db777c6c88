"use client";

import { DiscoverPanel } from "./DiscoverPanel";
import { ModelTable } from "./ModelTable";
import { Overview } from "./Overview";
import { RunHistory } from "./RunHistory";

/** The admin console of the model registry: overview and alerts, discovery, the models, the run history. */
export function AIModelManager() {
  return (
    <div className="space-y-8" data-testid="ai-model-manager">
      <Overview />
      <DiscoverPanel />
      <ModelTable />
      <RunHistory />
    </div>
  );
}
