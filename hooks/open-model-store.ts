import { useSyncExternalStore } from "react";

// Which model's details dialog is open: shared so the attention panel can open the dialog the model table owns.
let openId: string | null = null;
const listeners = new Set<() => void>();

/** Opens a model's details (null closes them). */
export function openModelDetails(id: string | null): void {
  openId = id;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The id of the model whose details are open, or null. */
export function useOpenModelId(): string | null {
  return useSyncExternalStore(subscribe, () => openId, () => null);
}
