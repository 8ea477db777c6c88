/** What a page's Content-Security-Policy allows beyond this origin. */
export interface CspOptions {
  nonce: string;
  /** Origins the browser may fetch from besides this one (Supabase Auth when it is configured). */
  connectOrigins?: string[];
  /** next dev needs eval for its error overlay; a production build never does. */
  development?: boolean;
}

/** The CSP of a page: scripts only with this request's nonce, no framing, no plugins, no foreign forms. */
export function pageCsp({ nonce, connectOrigins = [], development = false }: CspOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Radix positions popovers with style attributes, which a nonce cannot cover.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${connectOrigins.map((o) => ` ${o}`).join("")}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The CSP of an API answer: it is data, never a document that loads anything or is framed. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** The headers every answer carries, pages and API alike; HSTS only from a production server. */
export function commonSecurityHeaders(production: boolean): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "X-Frame-Options": "DENY",
    ...(production ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** The security headers of every API answer (proxy.ts sets them on Next's; npm start's front on its own). */
export function apiSecurityHeaders(production: boolean): Record<string, string> {
  return { ...commonSecurityHeaders(production), "Content-Security-Policy": API_CSP };
}

/** A fresh, unguessable nonce for one response (16 random bytes, base64). */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** The origin of a URL, or undefined when it is not one. */
export function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
