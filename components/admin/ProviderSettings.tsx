"use client";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toast";
import { errorMessage } from "@/hooks/api-fetch";
import { useSettingsQuery } from "@/hooks/use-settings-query";
import { useUpdateSettingMutation } from "@/hooks/use-update-setting-mutation";
import { PROVIDER_LABELS, PROVIDERS } from "@/lib/domain";
import { formatDateTime } from "@/lib/format";
import { ErrorState } from "./QueryState";
import { providerLabel } from "./labels";

/** Per provider: may a preview model become a default? Changing it re-picks that provider's defaults at once. */
export function ProviderSettings() {
  const settings = useSettingsQuery();
  const update = useUpdateSettingMutation({
    onSuccess: (res, vars) => {
      const moved = res.default_changes.map((c) => `${c.model_type}: ${c.from ?? "none"} → ${c.to ?? "none"}`);
      toast({
        title: `${providerLabel(vars.provider)}: previews ${vars.allow_preview_defaults ? "allowed" : "not allowed"} as defaults`,
        description: moved.length ? `Defaults changed (${moved.join("; ")}).` : "The defaults did not change.",
        variant: "success",
      });
    },
    onError: (err) => toast({ title: "Could not change the setting", description: errorMessage(err), variant: "destructive" }),
  });

  return (
    <Card data-testid="provider-settings">
      <CardHeader>
        <CardTitle>Preview models as defaults</CardTitle>
        <CardDescription>Off by default: a preview can change or vanish without notice. Turning it on re-picks that provider&apos;s unpinned defaults.</CardDescription>
      </CardHeader>
      <CardContent>
        {settings.isError ? (
          <ErrorState title="The settings could not be loaded" error={settings.error} onRetry={() => void settings.refetch()} />
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            {PROVIDERS.map((p) => {
              const s = settings.data?.[p];
              const id = `preview-defaults-${p}`;
              return (
                <li key={p} className="flex items-start justify-between gap-3 rounded-md border p-3">
                  <div className="text-sm">
                    <label htmlFor={id} className="font-medium">
                      {PROVIDER_LABELS[p]}
                    </label>
                    <p className="text-xs text-muted-foreground">
                      {s?.updated_at ? `Changed ${formatDateTime(s.updated_at)}${s.updated_by ? ` by ${s.updated_by}` : ""}` : "Never changed"}
                    </p>
                  </div>
                  {s ? (
                    <Switch
                      id={id}
                      checked={s.allow_preview_defaults}
                      disabled={update.isPending}
                      onCheckedChange={(v) => update.mutate({ provider: p, allow_preview_defaults: v })}
                      data-testid={id}
                    />
                  ) : (
                    <Skeleton className="h-5 w-8" />
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
