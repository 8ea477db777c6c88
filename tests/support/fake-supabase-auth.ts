import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** The parts of a Supabase Auth user the fake returns (GoTrue's `GET /auth/v1/user` shape). */
export interface FakeAuthUser {
  id: string;
  email: string;
  email_confirmed_at?: string | null;
  confirmed_at?: string | null;
  app_metadata?: Record<string, unknown>;
  user_metadata?: Record<string, unknown>;
}

export interface SeenRequest {
  method: string;
  path: string;
  authorization?: string;
  apikey?: string;
}

export interface FakeSupabaseAuth {
  /** Project URL to put in NEXT_PUBLIC_SUPABASE_URL. */
  url: string;
  anonKey: string;
  /** Every request the fake answered, in order. */
  requests: SeenRequest[];
  /** Makes `accessToken` valid for `user` (tokens not added here are answered 401). */
  addUser(accessToken: string, user: FakeAuthUser): void;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/**
 * A local stand-in for Supabase Auth on 127.0.0.1 (a free port) that answers `GET /auth/v1/user` like
 * GoTrue: the user of a known `Authorization: Bearer <access token>` given with the right `apikey`, else
 * 401 with GoTrue's error body. Anything else is 404.
 */
export async function startFakeSupabaseAuth(anonKey = "fake-anon-key"): Promise<FakeSupabaseAuth> {
  const users = new Map<string, FakeAuthUser>();
  const requests: SeenRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", "http://fake").pathname;
    const seen: SeenRequest = { method: req.method ?? "", path, authorization: req.headers.authorization, apikey: req.headers.apikey as string | undefined };
    requests.push(seen);
    if (req.method !== "GET" || path !== "/auth/v1/user") return send(res, 404, { code: 404, msg: "not found" });
    if (seen.apikey !== anonKey) return send(res, 401, { message: "Invalid API key" });
    const token = /^Bearer (.+)$/.exec(seen.authorization ?? "")?.[1];
    const user = token ? users.get(token) : undefined;
    if (!user) return send(res, 401, { code: 401, error_code: "bad_jwt", msg: "invalid JWT: unable to parse or verify signature" });
    const now = new Date().toISOString();
    send(res, 200, { aud: "authenticated", role: "authenticated", created_at: now, updated_at: now, app_metadata: {}, user_metadata: {}, ...user });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    anonKey,
    requests,
    addUser: (accessToken, user) => void users.set(accessToken, user),
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}

/** Cookie values are split into chunks of at most this many characters, like @supabase/ssr 0.12. */
const MAX_CHUNK = 3180;

/**
 * The Cookie header a browser signed in through @supabase/ssr 0.12 sends: the session JSON
 * ({ access_token, refresh_token, expires_at, … user }) as `base64-<base64url>` under
 * `sb-<first label of the project host>-auth-token`, split into `.0`, `.1`, … when it is long.
 * `user` is what the cookie claims; the server must not believe it without asking Auth.
 */
export function supabaseSessionCookie(projectUrl: string, accessToken: string, user: FakeAuthUser): string {
  const name = `sb-${new URL(projectUrl).hostname.split(".")[0]}-auth-token`;
  const expiresAt = Math.floor(Date.now() / 1000) + 3600;
  const session = { access_token: accessToken, token_type: "bearer", expires_in: 3600, expires_at: expiresAt, refresh_token: "refresh-" + accessToken, user };
  const value = "base64-" + Buffer.from(JSON.stringify(session), "utf8").toString("base64url");
  if (value.length <= MAX_CHUNK) return `${name}=${value}`;
  const chunks: string[] = [];
  for (let i = 0; i * MAX_CHUNK < value.length; i++) chunks.push(`${name}.${i}=${value.slice(i * MAX_CHUNK, (i + 1) * MAX_CHUNK)}`);
  return chunks.join("; ");
}
