-- One counter that every change able to alter a config answer bumps in its own transaction. Each app
-- instance reads it (one tiny query a second) and reloads its registry snapshot only when it moved, so
-- instances behind a load balancer agree within seconds without LISTEN/NOTIFY (poolers drop it).

create table if not exists public.ai_registry_version (
  id boolean primary key default true check (id),
  version bigint not null default 0 check (version >= 0),
  changed_at timestamptz not null default now()
);

insert into public.ai_registry_version (id, version) values (true, 0) on conflict (id) do nothing;

alter table public.ai_registry_version enable row level security;

do $$
begin
  if exists (select 1 from pg_roles where rolname = 'service_role') then
    drop policy if exists ai_registry_version_service on public.ai_registry_version;
    create policy ai_registry_version_service on public.ai_registry_version for all to service_role using (true) with check (true);
  end if;
end;
$$;
