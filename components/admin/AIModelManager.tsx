"use client";

/** The admin console of the model registry (placeholder until the UI lands). */
export function AIModelManager() {
  return <p className="text-muted-foreground">Loading the model registry…</p>;
}
