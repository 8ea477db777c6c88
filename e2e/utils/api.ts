import type { APIRequestContext, APIResponse } from "@playwright/test";
import { ADMIN_TOKEN, CONFIG_API_KEY, CRON_SECRET } from "./env";

type Who = "admin" | "reader" | "cron" | "none";
const TOKENS: Record<Exclude<Who, "none">, string> = { admin: ADMIN_TOKEN, reader: CONFIG_API_KEY, cron: CRON_SECRET };

function headers(as: Who): Record<string, string> {
  return as === "none" ? {} : { Authorization: `Bearer ${TOKENS[as]}` };
}

/**
 * Calls the app's API with a bearer token (admin by default): `await api(request).get("/api/ai-model-config/all")`.
 * Use the `request` fixture (no browser cookies) or `page.request` (shares the page's session cookie; pass as "none").
 */
export function api(request: APIRequestContext, as: Who = "admin") {
  return {
    get: (path: string): Promise<APIResponse> => request.get(path, { headers: headers(as) }),
    post: (path: string, data?: unknown): Promise<APIResponse> => request.post(path, { headers: headers(as), data: data ?? {} }),
    patch: (path: string, data?: unknown): Promise<APIResponse> => request.patch(path, { headers: headers(as), data: data ?? {} }),
    delete: (path: string): Promise<APIResponse> => request.delete(path, { headers: headers(as) }),
    /** GET that expects 2xx and returns the JSON body. */
    async json<T = Record<string, unknown>>(path: string): Promise<T> {
      const res = await request.get(path, { headers: headers(as) });
      if (!res.ok()) throw new Error(`GET ${path} answered ${res.status()}: ${await res.text()}`);
      return (await res.json()) as T;
    },
  };
}
