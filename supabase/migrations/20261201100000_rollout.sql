-- Safe rollout of default changes: a promotion policy per slot, pending changes awaiting soak or approval,
-- an outbox of events with one delivery row per webhook, and notices already sent (once per model and threshold).

create table if not exists public.ai_slot_policies (
  provider text not null check (provider in ('openai', 'anthropic', 'google', 'mistral')),
  model_type text not null check (model_type in ('flagship', 'fast')),
  policy text not null default 'auto' check (policy in ('auto', 'soak', 'approve')),
  soak_days integer not null default 7 check (soak_days between 1 and 365),
  updated_by text,
  updated_at timestamptz not null default now(),
  primary key (provider, model_type)
);

create table if not exists public.ai_pending_changes (
  id uuid primary key default gen_random_uuid(),
  provider text not null check (provider in ('openai', 'anthropic', 'google', 'mistral')),
  model_type text not null check (model_type in ('flagship', 'fast')),
  from_model text,
  to_model text not null,
  reason text not null,
  policy text not null check (policy in ('soak', 'approve')),
  first_seen_at timestamptz not null default now(),
  promote_after timestamptz,
  status text not null default 'open' check (status in ('open', 'approved', 'rejected', 'promoted', 'withdrawn')),
  decided_by text,
  decided_at timestamptz,
  created_at timestamptz not null default now()
);
-- One open pending change per slot, by constraint.
create unique index if not exists ai_pending_changes_one_open on public.ai_pending_changes (provider, model_type) where status = 'open';

create table if not exists public.ai_events (
  id uuid primary key default gen_random_uuid(),
  type text not null,
  data jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);

create table if not exists public.ai_event_deliveries (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references public.ai_events (id) on delete cascade,
  url text not null,
  status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
  attempts integer not null default 0 check (attempts >= 0),
  next_attempt_at timestamptz not null default now(),
  last_status integer,
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz not null default now()
);
create index if not exists ai_event_deliveries_due on public.ai_event_deliveries (next_attempt_at) where status = 'pending';

-- The last probe of each model (retrieve-model or one minimal generation) before a promotion.
create table if not exists public.ai_model_probes (
  provider text not null check (provider in ('openai', 'anthropic', 'google', 'mistral')),
  model_name text not null,
  mode text not null check (mode in ('get', 'call')),
  ok boolean not null,
  probed_at timestamptz not null,
  latency_ms integer not null check (latency_ms >= 0),
  status integer,
  error text,
  primary key (provider, model_name)
);

create table if not exists public.ai_notices (
  key text primary key,
  created_at timestamptz not null default now()
);

alter table public.ai_slot_policies enable row level security;
alter table public.ai_pending_changes enable row level security;
alter table public.ai_events enable row level security;
alter table public.ai_event_deliveries enable row level security;
alter table public.ai_notices enable row level security;
alter table public.ai_model_probes enable row level security;

do $$
begin
  if exists (select 1 from pg_roles where rolname = 'service_role') then
    drop policy if exists ai_slot_policies_service on public.ai_slot_policies;
    create policy ai_slot_policies_service on public.ai_slot_policies for all to service_role using (true) with check (true);
    drop policy if exists ai_pending_changes_service on public.ai_pending_changes;
    create policy ai_pending_changes_service on public.ai_pending_changes for all to service_role using (true) with check (true);
    drop policy if exists ai_events_service on public.ai_events;
    create policy ai_events_service on public.ai_events for all to service_role using (true) with check (true);
    drop policy if exists ai_event_deliveries_service on public.ai_event_deliveries;
    create policy ai_event_deliveries_service on public.ai_event_deliveries for all to service_role using (true) with check (true);
    drop policy if exists ai_model_probes_service on public.ai_model_probes;
    create policy ai_model_probes_service on public.ai_model_probes for all to service_role using (true) with check (true);
    drop policy if exists ai_notices_service on public.ai_notices;
    create policy ai_notices_service on public.ai_notices for all to service_role using (true) with check (true);
  end if;
end;
$$;
