import { cache } from "react";
import { cookies } from "next/headers";
import type { Principal } from "./principal";
import { principalFromCookies } from "./session";

/** The signed-in admin for a server component (page or layout), or null; computed once per request. */
export const getPagePrincipal = cache(async (): Promise<Principal | null> => {
  const store = await cookies();
  return principalFromCookies(store.getAll().map((c) => ({ name: c.name, value: c.value })));
});
