"use client";

import { DiscoverPanel } from "./DiscoverPanel";
import { ModelTable } from "./ModelTable";
import { Overview } from "./Overview";
import { ProviderSettings } from "./ProviderSettings";
import { RunHistory } from "./RunHistory";
import { SuspectListings } from "./SuspectListings";

/** The admin console of the model registry: overview and alerts, discovery, the models, the run history, provider settings. */
export function AIModelManager() {
  return (
    <div className="space-y-8" data-testid="ai-model-manager">
      <Overview />
      <SuspectListings />
      <DiscoverPanel />
      <ModelTable />
      <RunHistory />
      <ProviderSettings />
    </div>
  );
}
