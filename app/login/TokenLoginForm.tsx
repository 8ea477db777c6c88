"use client";

import { useState } from "react";
import { AlertCircleIcon, LogInIcon } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

interface ErrorAnswer {
  error?: { message?: string };
  retry_after?: number;
}

function describeFailure(status: number, body: ErrorAnswer): string {
  if (status === 401) return "Wrong password. Use the ADMIN_TOKEN of this deployment.";
  if (status === 429) return `Too many failed attempts. Try again in ${body.retry_after ?? "a few"} seconds.`;
  return body.error?.message ?? `Sign-in failed (HTTP ${status}).`;
}

/** The built-in admin sign-in: the password is ADMIN_TOKEN; the server sets an HttpOnly session cookie. */
export function TokenLoginForm({ next }: { next: string }) {
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const res = await fetch("/api/auth/login", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ password }),
      });
      if (res.ok) {
        // A full navigation, so the server renders the admin page with the new cookie.
        window.location.assign(next);
        return;
      }
      setError(describeFailure(res.status, (await res.json().catch(() => ({}))) as ErrorAnswer));
    } catch {
      setError("The server could not be reached. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <form onSubmit={submit} className="grid gap-4">
      <div className="grid gap-2">
        <Label htmlFor="admin-token">Admin token</Label>
        <Input
          id="admin-token"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "admin-token-error" : "admin-token-hint"}
        />
        <p id="admin-token-hint" className="text-xs text-muted-foreground">
          The ADMIN_TOKEN of this deployment.
        </p>
      </div>
      {error && (
        <Alert variant="destructive" id="admin-token-error">
          <AlertCircleIcon aria-hidden />
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      )}
      <Button type="submit" disabled={pending || password === ""}>
        <LogInIcon aria-hidden />
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
