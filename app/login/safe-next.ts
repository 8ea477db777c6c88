// A base no request is sent to: it only gives relative values an origin to be compared with.
const BASE = new URL("http://amm.invalid");

/**
 * Where to go after signing in: a path of this site, re-serialised by the URL parser (so it holds no
 * control or non-ASCII character and cannot leave the site), else /admin.
 */
export function safeNext(value: string | string[] | undefined): string {
  const next = Array.isArray(value) ? value[0] : value;
  if (!next || !next.startsWith("/")) return "/admin";
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return "/admin";
  }
  if (url.origin !== BASE.origin) return "/admin";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//host" parses to the path "//host", which a browser reads as another host.
  if (path.startsWith("//") || new URL(path, BASE).origin !== BASE.origin) return "/admin";
  return path;
}
