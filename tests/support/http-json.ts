// Test helpers for real HTTP against a started app server, and for route modules that read the process environment.
import { afterAll, beforeAll } from "vitest";
import { ADMIN_TOKEN } from "./config-fixtures";
import { fakeMetadataEnv } from "./fake-providers/env";
import { startFakeProviders, type FakeProviders } from "./fake-providers/server";

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

/**
 * Starts the fake providers and catalogs for a test file and points the process environment at its metadata
 * documents (route modules read it), with the given METADATA_TIMEOUT_MS; everything is put back afterwards.
 */
export function fakeCatalogsForFile(metadataTimeoutMs: string): { readonly fake: FakeProviders } {
  const holder = {} as { fake: FakeProviders };
  let restoreEnv = () => {};
  beforeAll(async () => {
    holder.fake = await startFakeProviders();
    restoreEnv = setProcessEnv({ ...fakeMetadataEnv(holder.fake), METADATA_TIMEOUT_MS: metadataTimeoutMs });
  });
  afterAll(async () => {
    restoreEnv();
    await holder.fake?.close();
  });
  return holder;
}
