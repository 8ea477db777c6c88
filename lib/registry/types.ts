import type { Provider } from "@/lib/domain";
import type { Db } from "@/lib/db/types";

export type { DefaultChange } from "@/lib/domain";

/** Per-provider settings that steer default choice. */
export type DefaultSettings = Partial<Record<Provider, { allow_preview_defaults: boolean }>>;

/** What every admin verb runs with: the database (or an open transaction) and who acts. */
export interface ActionContext {
  db: Db;
  /** A principal id for the audit table ("admin-token", "session:admin", "supabase:<id>"). */
  actor: string;
}

/** Every admin verb's one argument. */
export interface Action<I> {
  ctx: ActionContext;
  input: I;
}
