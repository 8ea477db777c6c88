-- The last good document of each metadata source (models.dev, LiteLLM), so a source that is down or answers
-- garbage changes nothing: runs keep using what was stored, and conditional requests reuse it on a 304.

create table if not exists public.ai_metadata_sources (
  source text primary key check (source in ('models.dev', 'litellm')),
  url text,
  -- The document in its own format, filtered to our four providers; null until a first good fetch.
  document jsonb,
  etag text,
  last_modified text,
  -- The document's date: its Last-Modified, else the time it was fetched.
  as_of timestamptz,
  fetched_at timestamptz,
  checked_at timestamptz,
  entries integer not null default 0 check (entries >= 0),
  skipped integer not null default 0 check (skipped >= 0),
  last_error text,
  last_error_at timestamptz,
  updated_at timestamptz not null default now()
);

alter table public.ai_metadata_sources enable row level security;

do $$
begin
  if exists (select 1 from pg_roles where rolname = 'service_role') then
    drop policy if exists ai_metadata_sources_service on public.ai_metadata_sources;
    create policy ai_metadata_sources_service on public.ai_metadata_sources
      for all to service_role using (true) with check (true);
  end if;
end;
$$;
