"use client";

import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { toast } from "@/components/ui/toast";
import { errorMessage } from "@/hooks/api-fetch";
import { useAcceptListingMutation } from "@/hooks/use-accept-listing-mutation";
import { useSuspectListingsQuery, type SuspectListingWire } from "@/hooks/use-suspect-listings-query";
import { formatDateTime } from "@/lib/format";
import { ConfirmAction } from "./ConfirmAction";
import { ErrorState } from "./QueryState";
import { providerLabel } from "./labels";

// How many missing names a card lists before it says "and N more".
const SHOWN = 8;

/** Listings the vanish guard held (their missing models stay active), each with an "Accept listing" action. */
export function SuspectListings() {
  const listings = useSuspectListingsQuery();
  if (listings.isError) return <ErrorState title="The held listings could not be loaded" error={listings.error} onRetry={() => void listings.refetch()} />;
  if (!listings.data?.length) return null;
  return (
    <Card id="suspect-listings" data-testid="suspect-listings" className="scroll-mt-4 border-amber-500/60">
      <CardHeader>
        <CardTitle>Listings held by the vanish guard</CardTitle>
        <CardDescription>
          These providers stopped listing most of the models an earlier complete listing confirmed. Discovery keeps those models
          active, and every run stays partial, until you accept the listing or the models are listed again.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        {listings.data.map((l) => (
          <HeldListing key={l.id} listing={l} />
        ))}
      </CardContent>
    </Card>
  );
}

function HeldListing({ listing: l }: { listing: SuspectListingWire }) {
  const name = providerLabel(l.provider);
  const accept = useAcceptListingMutation({
    onSuccess: (res) =>
      toast({ title: `${name} listing accepted`, description: `${res.deactivated.length} models are now inactive.`, variant: "success" }),
    onError: (err) => toast({ title: "Could not accept the listing", description: errorMessage(err), variant: "destructive" }),
  });
  const names = l.missing.map((m) => m.model_name);
  return (
    <div className="rounded-md border p-3 text-sm" data-testid="suspect-listing" data-provider={l.provider}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="font-medium">
            {name}: {l.missing.length} models missing ({l.confirmed} confirmed before)
          </p>
          <p className="text-xs text-muted-foreground">
            Held since {formatDateTime(l.detected_at)}; last seen {formatDateTime(l.last_seen_at)}
          </p>
        </div>
        <ConfirmAction
          testId="accept-listing-dialog"
          title={`Accept the ${name} listing?`}
          description={`The ${l.missing.length} models it no longer names become inactive now, and the defaults they hold move to the best eligible model.`}
          confirmLabel="Accept listing"
          onConfirm={() => accept.mutate(l.provider)}
          trigger={
            <Button size="sm" variant="outline" disabled={accept.isPending} data-testid="accept-listing">
              Accept listing
            </Button>
          }
        />
      </div>
      <p className="mt-2 font-mono text-[13px]" data-testid="suspect-missing">
        {names.slice(0, SHOWN).join(", ")}
        {names.length > SHOWN ? ` and ${names.length - SHOWN} more` : ""}
      </p>
    </div>
  );
}
