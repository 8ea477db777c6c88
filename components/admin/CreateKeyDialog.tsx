"use client";

import { useState } from "react";
import { CheckIcon, CopyIcon, KeyRoundIcon, TriangleAlertIcon } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { errorMessage } from "@/hooks/api-fetch";
import { useCreateServiceKeyMutation } from "@/hooks/use-service-key-mutations";
import { parseOverridesField } from "./key-form";

const EXAMPLE = '{ "openai:flagship": "openai/gpt-5" }';

function SecretOnce({ secret, onDone }: { secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-4" data-testid="new-key-secret">
      <Alert>
        <TriangleAlertIcon aria-hidden />
        <AlertTitle>Copy the secret now</AlertTitle>
        <AlertDescription>It is shown only this once; the server keeps only its hash. Give it to the service as its bearer token.</AlertDescription>
      </Alert>
      <div className="flex gap-2">
        <Input readOnly value={secret} aria-label="Secret of the new key" className="font-mono text-xs" data-testid="secret-value" onFocus={(e) => e.currentTarget.select()} />
        <Button
          type="button"
          variant="outline"
          onClick={() => void navigator.clipboard?.writeText(secret).then(() => setCopied(true), () => setCopied(false))}
          aria-label="Copy the secret"
        >
          {copied ? <CheckIcon aria-hidden /> : <CopyIcon aria-hidden />} {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <DialogFooter>
        <Button type="button" onClick={onDone}>
          Done
        </Button>
      </DialogFooter>
    </div>
  );
}

function CreateKeyForm({ pending, serverError, onCreate }: { pending: boolean; serverError: unknown; onCreate: (body: { name: string; overrides?: Record<string, string> }) => void }) {
  const [name, setName] = useState("");
  const [overridesText, setOverridesText] = useState("");
  const [fieldError, setFieldError] = useState<string>();
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = parseOverridesField(overridesText);
        setFieldError(parsed.error);
        if (!parsed.error) onCreate({ name, ...(parsed.overrides ? { overrides: parsed.overrides } : {}) });
      }}
    >
      <div className="space-y-1">
        <Label htmlFor="key-name">Service name</Label>
        <Input id="key-name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} placeholder="billing-api" autoComplete="off" />
      </div>
      <div className="space-y-1">
        <Label htmlFor="key-overrides">Overrides (optional)</Label>
        <textarea
          id="key-overrides"
          rows={3}
          className="w-full rounded-md border border-input bg-transparent px-3 py-2 font-mono text-xs"
          value={overridesText}
          onChange={(e) => setOverridesText(e.target.value)}
          placeholder={EXAMPLE}
          aria-describedby="key-overrides-help"
        />
        <p id="key-overrides-help" className="text-xs text-muted-foreground">
          Slot (&quot;provider:flagship|fast&quot;) or &quot;route:name&quot; → &quot;provider/model&quot; or &quot;route:name&quot;. This service keeps that answer while the others move on.
        </p>
      </div>
      {fieldError || serverError ? (
        <p role="alert" className="text-sm text-destructive" data-testid="create-key-error">
          {fieldError ?? errorMessage(serverError)}
        </p>
      ) : null}
      <DialogFooter>
        <Button type="submit" disabled={pending || name.trim() === ""}>
          {pending ? "Creating…" : "Create key"}
        </Button>
      </DialogFooter>
    </form>
  );
}

/** "New service key": a name and optional overrides; then the secret, once, with a copy button. */
export function CreateKeyDialog() {
  const [open, setOpen] = useState(false);
  const create = useCreateServiceKeyMutation();
  const secret = create.data?.secret;
  const close = () => {
    setOpen(false);
    create.reset(); // the secret leaves memory with the dialog
  };
  return (
    <Dialog open={open} onOpenChange={(o) => (o ? setOpen(true) : close())}>
      <DialogTrigger asChild>
        <Button size="sm" data-testid="new-key">
          <KeyRoundIcon aria-hidden /> New service key
        </Button>
      </DialogTrigger>
      <DialogContent data-testid="create-key-dialog">
        <DialogHeader>
          <DialogTitle>{secret ? `Key for ${create.data?.key.name}` : "New service key"}</DialogTitle>
          <DialogDescription>A named read key for one service: its reads are counted, and it can be revoked on its own.</DialogDescription>
        </DialogHeader>
        {secret ? (
          <SecretOnce secret={secret} onDone={close} />
        ) : (
          <CreateKeyForm pending={create.isPending} serverError={create.isError ? create.error : undefined} onCreate={(body) => create.mutate(body)} />
        )}
      </DialogContent>
    </Dialog>
  );
}
