"use client";

import { Separator } from "@/components/ui/separator";
import type { SupabasePublicConfig } from "@/lib/auth/supabase";
import { SupabaseLoginForm } from "./SupabaseLoginForm";
import { TokenLoginForm } from "./TokenLoginForm";

/** The sign-in choices: Supabase Auth when the deployment has it, and always the built-in admin token. */
export function LoginForm({ next, supabase }: { next: string; supabase?: SupabasePublicConfig }) {
  if (!supabase) return <TokenLoginForm next={next} />;
  return (
    <div className="grid gap-6">
      <SupabaseLoginForm next={next} config={supabase} />
      <div className="flex items-center gap-3 text-xs text-muted-foreground">
        <Separator className="flex-1" />
        or with the admin token
        <Separator className="flex-1" />
      </div>
      <TokenLoginForm next={next} />
    </div>
  );
}
