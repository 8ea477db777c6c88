import { getDb } from "@/lib/db/client";
import type { Principal } from "@/lib/auth/principal";
import type { ActionContext } from "@/lib/registry/types";

/** The context of an admin verb for a route: the process database and the signed-in admin. */
export async function adminContext(principal: Principal | undefined): Promise<ActionContext> {
  return { db: await getDb(), actor: principal?.id ?? "admin" };
}
