-- Per-provider admin settings that steer default selection.

create table if not exists public.ai_provider_settings (
  provider text primary key check (provider in ('openai', 'anthropic', 'google', 'mistral')),
  allow_preview_defaults boolean not null default false,
  updated_by text,
  updated_at timestamptz not null default now()
);

insert into public.ai_provider_settings (provider)
values ('openai'), ('anthropic'), ('google'), ('mistral')
on conflict (provider) do nothing;

alter table public.ai_provider_settings enable row level security;

do $$
begin
  if exists (select 1 from pg_roles where rolname = 'service_role') then
    drop policy if exists ai_provider_settings_service on public.ai_provider_settings;
    create policy ai_provider_settings_service on public.ai_provider_settings
      for all to service_role using (true) with check (true);
  end if;
end;
$$;
