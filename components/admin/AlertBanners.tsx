"use client";

import { InfoIcon, OctagonAlertIcon, TriangleAlertIcon } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import type { MonitoringAlert } from "@/lib/monitoring";

const LOOK = {
  critical: { variant: "destructive", Icon: OctagonAlertIcon },
  warning: { variant: "warning", Icon: TriangleAlertIcon },
  info: { variant: "default", Icon: InfoIcon },
} as const;

/** The monitoring alerts (provider coverage, stale additions, missed runs), most severe first. */
export function AlertBanners({ alerts }: { alerts: MonitoringAlert[] }) {
  if (alerts.length === 0) return null;
  const order = { critical: 0, warning: 1, info: 2 };
  const sorted = [...alerts].sort((a, b) => order[a.severity] - order[b.severity]);
  return (
    <div className="grid gap-2" data-testid="alert-banners">
      {sorted.map((a) => {
        const look = LOOK[a.severity];
        return (
          <Alert key={a.id} variant={look.variant} data-testid="alert-banner" data-alert={a.id} role={a.severity === "critical" ? "alert" : "status"}>
            <look.Icon aria-hidden />
            <AlertTitle>{a.title}</AlertTitle>
            <AlertDescription>{a.message}</AlertDescription>
          </Alert>
        );
      })}
    </div>
  );
}
