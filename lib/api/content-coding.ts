// Which content coding an answer goes out in, chosen from Accept-Encoding as Next's server chooses (its
// `compress` uses the compression package): gzip whenever acceptable, else deflate, else none. npm start's
// node:http front compresses with this rule so both hosts send the same Content-Encoding.

export type ContentCoding = "gzip" | "deflate";

interface Spec {
  coding: string;
  q: number;
  order: number;
}

const SPEC = /^\s*([^\s;]+)\s*(?:;(.*))?$/;

/** The listed codings with their quality; identity, unless named, is acceptable at the lowest quality listed. */
function parseAcceptEncoding(header: string): Spec[] {
  const specs: Spec[] = [];
  let lowest = 1;
  header.split(",").forEach((part, order) => {
    const m = SPEC.exec(part);
    if (!m) return;
    const qParam = m[2]?.split(";").map((p) => p.trim().split("=")).find(([name]) => name === "q");
    const q = qParam ? Number.parseFloat(qParam[1] ?? "") : 1;
    specs.push({ coding: m[1].toLowerCase(), q, order });
    lowest = Math.min(lowest, q || 1);
  });
  if (!specs.some((s) => s.coding === "identity")) specs.push({ coding: "identity", q: lowest, order: specs.length });
  return specs;
}

/** The entry that speaks for a coding: its own, else `*`; undefined when neither names it. */
function specOf(coding: string, specs: Spec[]): Spec | undefined {
  return specs.find((s) => s.coding === coding) ?? specs.find((s) => s.coding === "*");
}

/** The codings of `offered` the caller accepts, best first: by quality, then by the caller's order, then ours. */
function preferred(offered: string[], specs: Spec[]): string[] {
  return offered
    .map((coding, index) => ({ coding, index, spec: specOf(coding, specs) }))
    .filter((c): c is typeof c & { spec: Spec } => c.spec !== undefined && c.spec.q > 0)
    .sort((a, b) => b.spec.q - a.spec.q || a.spec.order - b.spec.order || a.index - b.index)
    .map((c) => c.coding);
}

/** The coding to send a body in, or undefined for none (no header, identity preferred, or nothing we offer). */
export function negotiateContentCoding(acceptEncoding: string | undefined): ContentCoding | undefined {
  const specs = parseAcceptEncoding(acceptEncoding ?? "");
  let pick = preferred(["gzip", "deflate", "identity"], specs)[0];
  // deflate only when gzip is not acceptable at all (implementations of deflate disagree)
  if (pick === "deflate" && preferred(["gzip"], specs).length > 0) pick = preferred(["gzip", "identity"], specs)[0];
  return pick === "gzip" || pick === "deflate" ? pick : undefined;
}
