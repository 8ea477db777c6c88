"use client";

import { useState } from "react";
import { AlertCircleIcon, MailIcon } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { SupabasePublicConfig } from "@/lib/auth/supabase";

/**
 * Email + password through Supabase Auth. The browser client stores the session in cookies; the server
 * then verifies the user and applies the admin rule (ADMIN_EMAILS or app_metadata role).
 */
export function SupabaseLoginForm({ next, config }: { next: string; config: SupabasePublicConfig }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      // Loaded on use, so the built-in sign-in does not download the Supabase client.
      const { createBrowserClient } = await import("@supabase/ssr");
      const supabase = createBrowserClient(config.url, config.anonKey);
      const { error: signInError } = await supabase.auth.signInWithPassword({ email, password });
      if (signInError) {
        setError(signInError.message);
      } else {
        const who = (await (await fetch("/api/auth/session", { cache: "no-store" })).json()) as { signed_in?: boolean };
        if (who.signed_in) {
          window.location.assign(next);
          return;
        }
        await supabase.auth.signOut();
        setError("This account is not an administrator of this deployment.");
      }
    } catch {
      setError("Supabase Auth could not be reached. Try again, or sign in with the admin token.");
    }
    setPending(false);
  }

  return (
    <form onSubmit={submit} className="grid gap-4">
      <div className="grid gap-2">
        <Label htmlFor="sb-email">Email</Label>
        <Input id="sb-email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </div>
      <div className="grid gap-2">
        <Label htmlFor="sb-password">Password</Label>
        <Input
          id="sb-password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </div>
      {error && (
        <Alert variant="destructive">
          <AlertCircleIcon aria-hidden />
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      )}
      <Button type="submit" disabled={pending}>
        <MailIcon aria-hidden />
        {pending ? "Signing in…" : "Sign in with email"}
      </Button>
    </form>
  );
}
