import { redirect } from "next/navigation";
import { BotIcon } from "lucide-react";
import { SignOutButton } from "@/components/SignOutButton";
import { ThemeToggle } from "@/components/ThemeToggle";
import { getPagePrincipal } from "@/lib/auth/page-session";

/** The admin frame: header with the app name, theme and sign-out; the page below. Signed-out visitors go to /login. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  // Checked here too, before the loading skeleton streams, so the redirect is a real HTTP redirect.
  if (!(await getPagePrincipal())) redirect("/login?next=/admin");
  return (
    <div className="flex min-h-screen flex-col">
      <header className="sticky top-0 z-40 border-b bg-background/95 backdrop-blur supports-[backdrop-filter]:bg-background/80">
        <div className="mx-auto flex h-14 w-full max-w-7xl items-center gap-2 px-4 sm:px-6">
          <BotIcon className="size-5 shrink-0" aria-hidden />
          <h1 className="truncate text-base font-semibold">AI Model Manager</h1>
          <div className="ml-auto flex items-center gap-1 sm:gap-2">
            <ThemeToggle />
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6">{children}</main>
    </div>
  );
}
