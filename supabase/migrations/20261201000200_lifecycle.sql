-- Lifecycle: why a model went inactive, its stated successor, the last complete listing that named it,
-- and the suspect listings (the vanish guard held) that wait for an admin's decision.

alter table public.ai_model_configs add column if not exists successor text;
alter table public.ai_model_configs add column if not exists deactivation_reason text;
-- Set by every complete listing that names the row; the vanish guard counts only rows that have one.
alter table public.ai_model_configs add column if not exists confirmed_at timestamptz;
-- A row an earlier run validated was named by a complete listing: the guard keeps counting it after the upgrade.
update public.ai_model_configs set confirmed_at = last_validated_at where confirmed_at is null and last_validated_at is not null;

create table if not exists public.ai_suspect_listings (
  id uuid primary key default gen_random_uuid(),
  provider text not null check (provider in ('openai', 'anthropic', 'google', 'mistral')),
  run_id uuid references public.ai_model_update_logs (id) on delete set null,
  -- [{ id, model_name }] of the active models the listing no longer named.
  missing jsonb not null default '[]'::jsonb,
  confirmed integer not null check (confirmed >= 0),
  detected_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  accepted_at timestamptz,
  accepted_by text,
  -- The models came back (or the listing stopped being suspect) before anyone decided.
  resolved_at timestamptz,
  constraint ai_suspect_listings_decided_once check (accepted_at is null or resolved_at is null)
);

-- At most one listing per provider waits for a decision.
create unique index if not exists ai_suspect_listings_one_open
  on public.ai_suspect_listings (provider) where accepted_at is null and resolved_at is null;

alter table public.ai_suspect_listings enable row level security;

do $$
begin
  if exists (select 1 from pg_roles where rolname = 'service_role') then
    drop policy if exists ai_suspect_listings_service on public.ai_suspect_listings;
    create policy ai_suspect_listings_service on public.ai_suspect_listings
      for all to service_role using (true) with check (true);
  end if;
end;
$$;
