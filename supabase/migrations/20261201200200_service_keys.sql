-- Service keys: named read keys for the config API, stored only as SHA-256 hashes of their secrets, each with
-- optional overrides (a slot or route answered with a fixed model or another route), and per-day read counts.

create table if not exists public.ai_service_keys (
  id uuid primary key default gen_random_uuid(),
  name text not null check (char_length(name) between 1 and 100),
  -- The hex SHA-256 of the secret; the secret itself is shown once at creation and never stored.
  secret_hash text not null unique check (secret_hash ~ '^[0-9a-f]{64}$'),
  -- The first characters of the secret, enough to recognise a key in a list, never enough to use it.
  prefix text not null,
  overrides jsonb not null default '{}'::jsonb,
  created_by text not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_by text,
  revoked_at timestamptz
);
-- One live key per name; a revoked key's name may be used again.
create unique index if not exists ai_service_keys_live_name on public.ai_service_keys (lower(name)) where revoked_at is null;

create table if not exists public.ai_service_key_usage (
  key_id uuid not null references public.ai_service_keys (id) on delete cascade,
  day date not null,
  kind text not null check (kind in ('slot', 'route', 'select')),
  target text not null,
  count integer not null check (count > 0),
  primary key (key_id, day, kind, target)
);
create index if not exists ai_service_key_usage_day on public.ai_service_key_usage (day);

alter table public.ai_service_keys enable row level security;
alter table public.ai_service_key_usage enable row level security;

do $$
begin
  if exists (select 1 from pg_roles where rolname = 'service_role') then
    drop policy if exists ai_service_keys_service on public.ai_service_keys;
    create policy ai_service_keys_service on public.ai_service_keys for all to service_role using (true) with check (true);
    drop policy if exists ai_service_key_usage_service on public.ai_service_key_usage;
    create policy ai_service_key_usage_service on public.ai_service_key_usage for all to service_role using (true) with check (true);
  end if;
end;
$$;
