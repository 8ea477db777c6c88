import { otherMethods, withRoute } from "@/lib/api/with-route";
import { sessionBody } from "@/lib/auth/responses";
import { getSessionPrincipal } from "@/lib/auth/session";

/** Who is signed in through the browser: `{ success, signed_in, user?: { id, method } }`. */
export const GET = withRoute("public", async ({ req }) => sessionBody(await getSessionPrincipal(req)));

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
