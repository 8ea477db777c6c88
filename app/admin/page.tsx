import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AIModelManager } from "@/components/admin/AIModelManager";
import { RoutesManager } from "@/components/admin/RoutesManager";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { getPagePrincipal } from "@/lib/auth/page-session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Admin · AI Model Manager" };

export default async function AdminPage() {
  if (!(await getPagePrincipal())) redirect("/login?next=/admin");
  return (
    <Tabs defaultValue="models" className="gap-4">
      <TabsList aria-label="Admin sections">
        <TabsTrigger value="models">AI Models</TabsTrigger>
        <TabsTrigger value="routes">Routes</TabsTrigger>
      </TabsList>
      <TabsContent value="models">
        <AIModelManager />
      </TabsContent>
      <TabsContent value="routes">
        <RoutesManager />
      </TabsContent>
    </Tabs>
  );
}
