"use client";

import { AttentionPanel } from "./AttentionPanel";
import { Deliveries } from "./Deliveries";
import { DiscoverPanel } from "./DiscoverPanel";
import { MetadataSources } from "./MetadataSources";
import { ModelTable } from "./ModelTable";
import { Overview } from "./Overview";
import { PendingChanges } from "./PendingChanges";
import { ProviderSettings } from "./ProviderSettings";
import { RunHistory } from "./RunHistory";
import { SuspectListings } from "./SuspectListings";
import { SlotPolicies } from "./SlotPolicies";

/** The admin console of the model registry: what needs attention, overview and alerts, discovery, the models, the run history, rollout policies, provider settings, webhook deliveries. */
export function AIModelManager() {
  return (
    <div className="space-y-8" data-testid="ai-model-manager">
      <AttentionPanel />
      <Overview />
      <SuspectListings />
      <PendingChanges />
      <DiscoverPanel />
      <MetadataSources />
      <ModelTable />
      <RunHistory />
      <SlotPolicies />
      <ProviderSettings />
      <Deliveries />
    </div>
  );
}
