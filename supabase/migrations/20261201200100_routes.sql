-- Named routes (task aliases): an ordered chain of steps, each a slot, a fixed model or a select query,
-- with optional constraints on the whole route; and an audit row for every create, update and delete.

create table if not exists public.ai_model_routes (
  id uuid primary key default gen_random_uuid(),
  name text not null unique check (name ~ '^[a-z0-9][a-z0-9_.-]{0,62}$'),
  description text,
  steps jsonb not null check (jsonb_typeof(steps) = 'array' and jsonb_array_length(steps) between 1 and 10),
  constraints jsonb check (constraints is null or jsonb_typeof(constraints) = 'object'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by text
);

create table if not exists public.ai_model_route_changes (
  id uuid primary key default gen_random_uuid(),
  route_name text not null,
  action text not null check (action in ('created', 'updated', 'deleted')),
  before jsonb,
  after jsonb,
  changed_by text not null,
  -- The clock, not the transaction's start: two edits in one transaction keep their order.
  created_at timestamptz not null default clock_timestamp()
);
create index if not exists ai_model_route_changes_by_route on public.ai_model_route_changes (route_name, created_at desc);

alter table public.ai_model_routes enable row level security;
alter table public.ai_model_route_changes enable row level security;

do $$
begin
  if exists (select 1 from pg_roles where rolname = 'service_role') then
    drop policy if exists ai_model_routes_service on public.ai_model_routes;
    create policy ai_model_routes_service on public.ai_model_routes for all to service_role using (true) with check (true);
    drop policy if exists ai_model_route_changes_service on public.ai_model_route_changes;
    create policy ai_model_route_changes_service on public.ai_model_route_changes for all to service_role using (true) with check (true);
  end if;
end;
$$;
