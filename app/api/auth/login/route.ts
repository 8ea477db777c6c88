import { NextResponse } from "next/server";
import { readJsonBody } from "@/lib/api/body";
import { otherMethods, withRoute } from "@/lib/api/with-route";
import { attemptLogin, loginBodySchema } from "@/lib/auth/login";
import { clientIdentity } from "@/lib/auth/login-throttle";
import { sessionBody } from "@/lib/auth/responses";
import { SESSION_COOKIE, sessionCookieOptions } from "@/lib/auth/session-cookie";
import { SESSION_PRINCIPAL } from "@/lib/auth/session";

/** Built-in admin sign-in: `{ password }` is ADMIN_TOKEN; sets the signed session cookie. */
export const POST = withRoute("public", async ({ req }) => {
  const { password } = await readJsonBody(req, loginBodySchema);
  const value = await attemptLogin(password, clientIdentity(req));
  const res = NextResponse.json(sessionBody(SESSION_PRINCIPAL), { headers: { "Cache-Control": "no-store" } });
  res.cookies.set(SESSION_COOKIE, value, sessionCookieOptions(req.url));
  return res;
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
