-- AI model registry, discovery run log and default-change audit.

create table if not exists public.ai_model_configs (
  id uuid primary key default gen_random_uuid(),
  provider text not null check (provider in ('openai', 'anthropic', 'google', 'mistral')),
  model_name text not null check (length(model_name) between 1 and 200),
  display_name text,
  model_type text not null check (model_type in ('flagship', 'fast', 'legacy')),
  family text,
  version_rank numeric not null default 0,
  is_active boolean not null default true,
  is_default boolean not null default false,
  is_pinned boolean not null default false,
  is_preview boolean not null default false,
  needs_review boolean not null default false,
  capabilities jsonb not null default '{}'::jsonb,
  pricing jsonb not null default '{}'::jsonb,
  max_tokens integer check (max_tokens is null or max_tokens > 0),
  context_window integer check (context_window is null or context_window > 0),
  aliases text[] not null default '{}',
  release_date date,
  shutdown_date date,
  source text not null default 'catalog' check (source in ('catalog', 'discovery', 'admin')),
  discovered_at timestamptz not null default now(),
  last_validated_at timestamptz,
  deactivated_at timestamptz,
  metadata jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint ai_model_configs_provider_model_name_key unique (provider, model_name),
  -- A default is what the config API answers: it must be live and reviewed.
  constraint ai_model_configs_default_is_active check (not is_default or is_active),
  constraint ai_model_configs_default_is_reviewed check (not is_default or not needs_review),
  constraint ai_model_configs_pinned_is_default check (not is_pinned or is_default)
);

-- At most one default per provider and type.
create unique index if not exists ai_model_configs_one_default
  on public.ai_model_configs (provider, model_type) where is_default;

create index if not exists ai_model_configs_provider_type_active
  on public.ai_model_configs (provider, model_type, is_active);

create table if not exists public.ai_model_update_logs (
  id uuid primary key default gen_random_uuid(),
  run_date timestamptz not null default now(),
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  trigger text not null default 'manual' check (trigger in ('cron', 'admin', 'cli', 'manual')),
  triggered_by text,
  status text not null default 'running' check (status in ('running', 'success', 'partial', 'failed')),
  lease_expires_at timestamptz,
  models_discovered integer not null default 0,
  models_added integer not null default 0,
  models_deprecated integer not null default 0,
  models_reactivated integer not null default 0,
  models_set_aside integer not null default 0,
  providers_checked text[] not null default '{}',
  progress jsonb not null default '{}'::jsonb,
  provider_results jsonb not null default '{}'::jsonb,
  added_models jsonb not null default '[]'::jsonb,
  deprecated_models jsonb not null default '[]'::jsonb,
  default_changes jsonb not null default '[]'::jsonb,
  warnings jsonb not null default '[]'::jsonb,
  errors jsonb not null default '[]'::jsonb,
  execution_time_ms integer,
  created_at timestamptz not null default now()
);

-- At most one discovery under way.
create unique index if not exists ai_model_update_logs_one_running
  on public.ai_model_update_logs ((true)) where status = 'running';

create index if not exists ai_model_update_logs_run_date
  on public.ai_model_update_logs (run_date desc);

create table if not exists public.ai_model_default_changes (
  id uuid primary key default gen_random_uuid(),
  provider text not null check (provider in ('openai', 'anthropic', 'google', 'mistral')),
  model_type text not null check (model_type in ('flagship', 'fast', 'legacy')),
  from_model text,
  to_model text,
  reason text not null,
  changed_by text not null,
  run_id uuid references public.ai_model_update_logs (id) on delete set null,
  created_at timestamptz not null default now()
);

create index if not exists ai_model_default_changes_created
  on public.ai_model_default_changes (created_at desc);

create or replace function public.ai_model_touch_updated_at() returns trigger
language plpgsql as $$
begin
  new.updated_at := now();
  return new;
end;
$$;

drop trigger if exists ai_model_configs_touch on public.ai_model_configs;
create trigger ai_model_configs_touch before update on public.ai_model_configs
  for each row execute function public.ai_model_touch_updated_at();

-- Row-level security: only the service role (the app's server) reads and writes on Supabase.
alter table public.ai_model_configs enable row level security;
alter table public.ai_model_update_logs enable row level security;
alter table public.ai_model_default_changes enable row level security;

do $$
begin
  -- Supabase has these roles; plain PostgreSQL and PGlite do not, and need no policy (the owner bypasses RLS).
  if exists (select 1 from pg_roles where rolname = 'service_role') then
    drop policy if exists ai_model_configs_service on public.ai_model_configs;
    create policy ai_model_configs_service on public.ai_model_configs
      for all to service_role using (true) with check (true);
    drop policy if exists ai_model_update_logs_service on public.ai_model_update_logs;
    create policy ai_model_update_logs_service on public.ai_model_update_logs
      for all to service_role using (true) with check (true);
    drop policy if exists ai_model_default_changes_service on public.ai_model_default_changes;
    create policy ai_model_default_changes_service on public.ai_model_default_changes
      for all to service_role using (true) with check (true);
  end if;
end;
$$;
