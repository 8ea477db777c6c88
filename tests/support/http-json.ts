// Test helpers for real HTTP against a started app server, and for route modules that read the process environment.
import { ADMIN_TOKEN } from "./config-fixtures";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read what they assert
export type Json = any;

/** A JSON call with a bearer token (the admin's unless told): answers the status and the parsed body. */
export function jsonCaller(baseUrl: () => string) {
  return async (method: string, path: string, body?: unknown, token = ADMIN_TOKEN): Promise<{ status: number; json: Json }> => {
    const res = await fetch(baseUrl() + path, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: await res.json() };
  };
}

/** Sets process environment variables; the returned function puts the previous values back. */
export function setProcessEnv(vars: Record<string, string>): () => void {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  return () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}
