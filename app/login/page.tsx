import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { BotIcon } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getPagePrincipal } from "@/lib/auth/page-session";
import { getSupabaseConfig } from "@/lib/auth/supabase";
import { LoginForm } from "./LoginForm";
import { safeNext } from "./safe-next";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in · AI Model Manager" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeNext((await searchParams).next);
  if (await getPagePrincipal()) redirect(next);
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <Card className="w-full max-w-sm">
        <CardHeader>
          <div className="flex items-center gap-2">
            <BotIcon className="size-5" aria-hidden />
            <CardTitle>
              <h1 className="text-lg">AI Model Manager</h1>
            </CardTitle>
          </div>
          <CardDescription>Sign in to manage the model registry.</CardDescription>
        </CardHeader>
        <CardContent>
          <LoginForm next={next} supabase={getSupabaseConfig()} />
        </CardContent>
      </Card>
    </main>
  );
}
