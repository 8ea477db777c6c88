import { ADMIN_TOKEN, apiRequest, type CallOptions } from "./config-fixtures";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any route's params
type Handler = (req: Request, ctx: { params: Promise<any> }) => Promise<Response>;

/** Calls an exported route handler with a real Request (admin token unless told otherwise) and route params. */
export async function callWithParams(handler: Handler, path: string, options: CallOptions = {}, params: Record<string, string> = {}) {
  const res = await handler(apiRequest(path, { token: ADMIN_TOKEN, ...options }), { params: Promise.resolve(params) });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read what they assert
  const json: any = await res.json();
  return { status: res.status, json };
}
