import { NextResponse } from "next/server";
import { ApiError } from "@/lib/api/errors";
import { otherMethods, withRoute } from "@/lib/api/with-route";
import { SESSION_COOKIE, sessionCookieOptions } from "@/lib/auth/session-cookie";
import { refusesSession } from "@/lib/auth/csrf";
import { isCrossOrigin } from "@/lib/auth/session";
import { requestCookies } from "@/lib/auth/supabase";

/** Signs out: clears the built-in session cookie and any Supabase session cookies. */
export const POST = withRoute("public", async ({ req }) => {
  if (isCrossOrigin(req) || refusesSession(req)) throw new ApiError("forbidden", "Cross-origin sign-out refused");
  const res = NextResponse.json({ success: true, signed_in: false }, { headers: { "Cache-Control": "no-store" } });
  res.cookies.set(SESSION_COOKIE, "", sessionCookieOptions(req.url, 0));
  for (const c of requestCookies(req)) {
    if (c.name.startsWith("sb-")) res.cookies.set(c.name, "", { path: "/", maxAge: 0 });
  }
  return res;
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
