import { describe, expect, it } from "vitest";
import { GET as HEALTH } from "@/app/api/health/route";
import { withRoute } from "./with-route";

// Next's route type check (`next build --webpack` applies it) reads a handler's last signature: its second
// parameter must take `{ params: Promise<…> }` as it is, never undefined. `npm run typecheck` checks these lines.
type LastSecondParam<F> = F extends (...args: infer A) => unknown ? A[1] : never;
type Takes<Given, Required> = [Given] extends [Required] ? true : false;
type NextRouteContext = { params: Promise<Record<string, string | string[]>> };

const handler = withRoute<{ id: string }>("public", async ({ params }) => ({ id: params.id }));
const wrapperContext: Takes<LastSecondParam<typeof handler>, { params: Promise<{ id: string }> }> = true;
const moduleContext: Takes<LastSecondParam<typeof HEALTH>, NextRouteContext> = true;

describe("a route handler's type, as Next checks it", () => {
  it("takes the params Next passes second, and the request alone", async () => {
    expect([wrapperContext, moduleContext]).toEqual([true, true]);
    const withParams = await handler(new Request("http://x/api/things/7"), { params: Promise.resolve({ id: "7" }) });
    expect(await withParams.json()).toEqual({ id: "7" });
    expect((await handler(new Request("http://x/api/things"))).status).toBe(200);
  });
});
