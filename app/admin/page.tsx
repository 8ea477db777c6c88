export const dynamic = "force-dynamic";

export default function AdminPage() {
  return (
    <main className="mx-auto max-w-6xl p-6">
      <h1 className="text-2xl font-semibold">AI Model Manager</h1>
      <p className="text-muted-foreground mt-2">The admin console is being built.</p>
    </main>
  );
}
