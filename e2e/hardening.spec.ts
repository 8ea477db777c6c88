import { expect, test } from "@playwright/test";
import { ADMIN_TOKEN, BASE_URL, signIn } from "./utils";

test.describe("security headers", () => {
  test("pages carry a nonce CSP that the page's own scripts satisfy, and the other headers", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text());
    });
    const res = (await page.goto("/login"))!;
    const h = res.headers();
    const nonce = /'nonce-([^']+)'/.exec(h["content-security-policy"] ?? "")?.[1];
    expect(nonce).toBeTruthy();
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBeTruthy();
    expect(h["permissions-policy"]).toBeTruthy();
    expect(h["strict-transport-security"]).toContain("max-age=");
    // Every inline or external script of the page has this response's nonce, so none is blocked.
    const scripts = await page.locator("script").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((n) => n === nonce)).toBe(true);
    await signIn(page);
    expect(violations).toEqual([]);
  });

  test("API answers carry them too", async ({ request }) => {
    const res = await request.get("/api/ai-model-config");
    expect(res.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  });
});

test.describe("/api answers JSON even where Next would not", () => {
  test("malformed percent-encoding in the path is a JSON 400", async () => {
    const res = await fetch(`${BASE_URL}/api/admin/models/%ff`);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(await res.json()).toMatchObject({ success: false, error: { code: "bad_request" } });
  });

  for (const [method, status, code] of [["TRACE", 405, "method_not_allowed"], ["PROPFIND", 405, "method_not_allowed"], ["TRACK", 400, "bad_request"]] as const) {
    test(`${method} is a JSON ${status}`, async () => {
      // fetch refuses TRACE and TRACK: send them over a raw socket (Node's parser itself refuses TRACK).
      const res = await rawRequest(method, "/api/ai-model-config");
      expect(res.status).toBe(status);
      expect(res.headers).toMatch(/content-type: application\/json/i);
      expect(JSON.parse(res.body)).toMatchObject({ success: false, error: { code } });
    });
  }
});

test.describe("where sign-in sends you", () => {
  for (const next of ["/\t/evil.example", "/\r\n/evil.example", "/.//evil.example", "/admin\r\nX-Evil: 1", "/admin?q=\u00e9"]) {
    test(`a signed-in visit of /login?next=${JSON.stringify(next)} stays on this site without a 500`, async ({ page }) => {
      await signIn(page);
      const res = await page.request.get(`/login?next=${encodeURIComponent(next)}`, { maxRedirects: 0 });
      expect(res.status()).toBe(307);
      const location = res.headers()["location"];
      expect(new URL(location, BASE_URL).origin).toBe(BASE_URL);
      expect(res.headers()["x-evil"]).toBeUndefined();
    });
  }

  test("the form's redirect after sign-in stays on this site for /\\t/evil.example", async ({ page }) => {
    await page.goto(`/login?next=${encodeURIComponent("/\t/evil.example")}`);
    await page.getByLabel("Admin token").fill(ADMIN_TOKEN);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.origin === BASE_URL && url.pathname !== "/login");
    expect(new URL(page.url()).origin).toBe(BASE_URL);
  });
});

async function rawRequest(method: string, path: string): Promise<{ status: number; headers: string; body: string }> {
  const net = await import("node:net");
  const url = new URL(BASE_URL);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname, () => {
      socket.write(`${method} ${path} HTTP/1.1\r\nHost: ${url.host}\r\nConnection: close\r\n\r\n`);
    });
    let data = "";
    socket.on("data", (c) => (data += c.toString("utf8")));
    socket.on("error", reject);
    socket.on("end", () => {
      const [head, ...rest] = data.split("\r\n\r\n");
      const body = rest.join("\r\n\r\n");
      // A chunked body: keep what lies between the first chunk size and the terminator.
      const json = /^[0-9a-f]+\r\n([\s\S]*?)\r\n0\r\n/i.exec(body)?.[1] ?? body;
      resolve({ status: Number(head.split(" ")[1]), headers: head, body: json });
    });
  });
}
