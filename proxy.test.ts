import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "./proxy";

const call = (path: string, method = "GET") => proxy(new NextRequest(`http://127.0.0.1:3000${path}`, { method }));

describe("proxy: security headers", () => {
  it("gives a page a CSP whose scripts need this request's nonce, and no framing", () => {
    const a = call("/admin").headers.get("content-security-policy")!;
    const b = call("/admin").headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(a)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(b).not.toContain(nonce);
    const scriptSrc = a.split(";").find((d) => d.trim().startsWith("script-src"))!;
    expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(a).toContain("frame-ancestors 'none'");
    expect(a).toContain("object-src 'none'");
  });

  it.each(["/admin", "/login", "/api/ai-model-config", "/api/nowhere"])("sends nosniff, a referrer and a permissions policy on %s", (path) => {
    const h = call(path).headers;
    expect(h.get("x-content-type-options")).toBe("nosniff");
    expect(h.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(h.get("permissions-policy")).toContain("camera=()");
    expect(h.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("gives an API answer a CSP that loads nothing", () => {
    expect(call("/api/ai-model-config").headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});

describe("proxy: /api requests Next would fail with a text/plain 500", () => {
  it("answers unknown methods (PROPFIND, MKCOL) with the contract's JSON 405", async () => {
    for (const method of ["PROPFIND", "MKCOL"]) {
      const res = call("/api/ai-model-config", method);
      expect(res.status).toBe(405);
      expect(res.headers.get("content-type")).toContain("application/json");
      expect(await res.json()).toMatchObject({ success: false, error: { code: "method_not_allowed" } });
    }
  });

  it("answers a path with malformed percent-encoding with a JSON 400 naming the path", async () => {
    const res = call("/api/admin/models/%ff");
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ success: false, error: { code: "bad_request", issues: [{ path: "path" }] } });
  });

  it("lets well-formed requests through to their routes", () => {
    expect(call("/api/admin/models/%20x").headers.get("x-middleware-next")).toBe("1");
    expect(call("/api/ai-model-config", "OPTIONS").headers.get("x-middleware-next")).toBe("1");
  });
});
