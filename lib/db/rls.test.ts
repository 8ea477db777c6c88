import { describe, expect, it } from "vitest";
import { migrate } from "./migrate";
import { createEmptyDb } from "@/tests/support/databases";

const TABLES = [
  "ai_model_configs", "ai_model_update_logs", "ai_model_default_changes", "ai_provider_settings", "ai_metadata_sources",
  "ai_model_prices", "ai_model_fact_changes", "ai_suspect_listings",
  "ai_slot_policies", "ai_pending_changes", "ai_events", "ai_event_deliveries", "ai_notices", "ai_model_probes",
  "ai_service_keys", "ai_service_key_usage",
  "ai_registry_version",
  "ai_model_routes", "ai_model_route_changes",
];

describe("row-level security", () => {
  it("is enabled on every table, with service_role policies where Supabase's roles exist", async () => {
    const t = await createEmptyDb("postgres");
    try {
      // Supabase's roles, as a Supabase database has them (cluster-wide; harmless to other tests' databases).
      await t.db.exec(`do $$ begin
        if not exists (select 1 from pg_roles where rolname = 'service_role') then create role service_role nologin; end if;
        if not exists (select 1 from pg_roles where rolname = 'anon') then create role anon nologin; end if;
      end $$;`);
      await migrate(t.db);
      const rls = await t.db.query<{ relname: string; relrowsecurity: boolean }>(
        "select relname, relrowsecurity from pg_class where relnamespace = 'public'::regnamespace and relname = any($1::text[]) order by relname",
        [`{${TABLES.join(",")}}`],
      );
      expect(rls).toEqual([...TABLES].sort().map((relname) => ({ relname, relrowsecurity: true })));
      const policies = await t.db.query<{ tablename: string; roles: string[] }>(
        "select tablename, roles::text[] as roles from pg_policies where schemaname = 'public' order by tablename",
      );
      expect(policies.map((p) => p.tablename).sort()).toEqual([...TABLES].sort());
      expect(policies.every((p) => p.roles.length === 1 && p.roles[0] === "service_role")).toBe(true);

      // anon has no policy: with a grant but no policy, RLS hides every row.
      await t.db.exec("grant usage on schema public to anon; grant select on public.ai_model_configs to anon;");
      await t.db.query("insert into public.ai_model_configs (provider, model_name, model_type) values ('openai', 'x', 'fast')");
      const asAnon = await t.db.transaction(async (tx) => {
        await tx.exec("set local role anon");
        return tx.query("select model_name from public.ai_model_configs");
      });
      expect(asAnon).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it("applies cleanly with no policy where those roles do not exist (PGlite)", async () => {
    const t = await createEmptyDb("pglite");
    try {
      await migrate(t.db);
      expect(await t.db.query("select policyname from pg_policies where schemaname = 'public'")).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
