-- Registry truth: where each figure came from (provenance), an admin's figures (overrides), three-valued
-- capabilities, the price history, and an audit of figure changes.

alter table public.ai_model_configs add column if not exists provenance jsonb not null default '{}'::jsonb;
alter table public.ai_model_configs add column if not exists overrides jsonb not null default '{}'::jsonb;

-- A capability stored as false by a row that no source described (no catalog entry) was a guess: unknown.
update public.ai_model_configs c
set capabilities = (
  select coalesce(jsonb_object_agg(k, case when v = 'false'::jsonb then 'null'::jsonb else v end), '{}'::jsonb)
  from jsonb_each(c.capabilities) as e(k, v)
)
where not (c.metadata ? 'catalog_source');

-- Rows only the catalog ever wrote (seeded, never listed) took every figure from it.
update public.ai_model_configs
set provenance = jsonb_build_object(
  'pricing', case when pricing ->> 'input_per_mtok' is not null or pricing ->> 'output_per_mtok' is not null
    then jsonb_build_object('source', 'catalog', 'as_of', to_jsonb(updated_at)) end,
  'context_window', case when context_window is not null then jsonb_build_object('source', 'catalog', 'as_of', to_jsonb(updated_at)) end,
  'max_tokens', case when max_tokens is not null then jsonb_build_object('source', 'catalog', 'as_of', to_jsonb(updated_at)) end,
  'capabilities', jsonb_build_object('source', 'catalog', 'as_of', to_jsonb(updated_at))
)
where source = 'catalog' and last_validated_at is null and metadata ? 'catalog_source' and provenance = '{}'::jsonb;

-- Each row is the price in effect from effective_from; a new row is appended whenever the price changes.
create table if not exists public.ai_model_prices (
  id uuid primary key default gen_random_uuid(),
  model_id uuid not null references public.ai_model_configs (id) on delete cascade,
  input_per_mtok numeric check (input_per_mtok is null or input_per_mtok >= 0),
  output_per_mtok numeric check (output_per_mtok is null or output_per_mtok >= 0),
  cache_read_per_mtok numeric check (cache_read_per_mtok is null or cache_read_per_mtok >= 0),
  cache_write_per_mtok numeric check (cache_write_per_mtok is null or cache_write_per_mtok >= 0),
  input_above_200k_per_mtok numeric check (input_above_200k_per_mtok is null or input_above_200k_per_mtok >= 0),
  output_above_200k_per_mtok numeric check (output_above_200k_per_mtok is null or output_above_200k_per_mtok >= 0),
  source text not null check (source in ('admin', 'provider', 'models.dev', 'litellm', 'catalog')),
  effective_from timestamptz not null default now(),
  created_at timestamptz not null default now()
);

create index if not exists ai_model_prices_model_effective
  on public.ai_model_prices (model_id, effective_from desc, created_at desc);

-- The first known price of every model already priced.
insert into public.ai_model_prices (model_id, input_per_mtok, output_per_mtok, source, effective_from)
select c.id, (c.pricing ->> 'input_per_mtok')::numeric, (c.pricing ->> 'output_per_mtok')::numeric, 'catalog', c.created_at
from public.ai_model_configs c
where (c.pricing ->> 'input_per_mtok' is not null or c.pricing ->> 'output_per_mtok' is not null)
  and not exists (select 1 from public.ai_model_prices p where p.model_id = c.id);

-- Who changed which figure of which model, from what to what: admin overrides and metadata refreshes.
create table if not exists public.ai_model_fact_changes (
  id uuid primary key default gen_random_uuid(),
  model_id uuid references public.ai_model_configs (id) on delete set null,
  provider text not null,
  model_name text not null,
  field text not null,
  from_value jsonb,
  to_value jsonb,
  source text not null,
  changed_by text not null,
  created_at timestamptz not null default now()
);

create index if not exists ai_model_fact_changes_model on public.ai_model_fact_changes (model_id, created_at desc);

alter table public.ai_model_prices enable row level security;
alter table public.ai_model_fact_changes enable row level security;

do $$
begin
  if exists (select 1 from pg_roles where rolname = 'service_role') then
    drop policy if exists ai_model_prices_service on public.ai_model_prices;
    create policy ai_model_prices_service on public.ai_model_prices
      for all to service_role using (true) with check (true);
    drop policy if exists ai_model_fact_changes_service on public.ai_model_fact_changes;
    create policy ai_model_fact_changes_service on public.ai_model_fact_changes
      for all to service_role using (true) with check (true);
  end if;
end;
$$;
