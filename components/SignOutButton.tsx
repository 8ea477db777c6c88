"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { LogOutIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";

/** Ends the session (built-in cookie and any Supabase cookies) and returns to /login. */
export function SignOutButton() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  async function signOut() {
    setPending(true);
    try {
      const res = await fetch("/api/auth/logout", { method: "POST" });
      if (!res.ok) throw new Error(`Sign-out failed (HTTP ${res.status})`);
      router.replace("/login");
      // Drops the client's cached server components, so no admin page is shown again from memory.
      router.refresh();
    } catch (err) {
      setPending(false);
      toast({ title: "Could not sign out", description: err instanceof Error ? err.message : String(err), variant: "destructive" });
    }
  }
  return (
    <Button variant="outline" size="sm" onClick={signOut} disabled={pending}>
      <LogOutIcon aria-hidden />
      <span className="max-sm:sr-only">Sign out</span>
    </Button>
  );
}
