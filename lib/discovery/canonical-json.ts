// A string JSON.stringify writes as it is between quotes (no quote, backslash, control or surrogate code unit).
const PLAIN = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;
const quote = (s: string) => (s.length < 64 && PLAIN.test(s) ? `"${s}"` : JSON.stringify(s));

// An array index key (0 … 2^32 − 2): an object lists these first, in numeric order, whatever order they were set in.
const isIndexKey = (k: string) => /^(?:0|[1-9]\d{0,9})$/.test(k) && Number(k) < 4_294_967_295;

// Sorted key lists by an object's own key list joined with NUL (one-to-one while no key holds a NUL): a
// registry's thousands of values share a few dozen shapes.
const orders = new Map<string, string[]>();
const MAX_SHAPES = 1_000;

/** The keys in the order JSON.stringify writes an object rebuilt from its entries sorted by code unit. */
function sortedKeys(obj: object): string[] {
  const keys = Object.keys(obj);
  const shape = keys.some((k) => k.includes("\u0000")) ? undefined : keys.join("\u0000");
  let order = shape === undefined ? undefined : orders.get(shape);
  if (!order) {
    const sorted = [...keys].sort();
    order = [...sorted.filter(isIndexKey).sort((a, b) => Number(a) - Number(b)), ...sorted.filter((k) => !isIndexKey(k))];
    if (shape !== undefined && orders.size < MAX_SHAPES) orders.set(shape, order);
  }
  return order;
}

/** One value as JSON, or undefined where JSON.stringify leaves a property out (undefined, a function, a symbol). */
function write(value: unknown, key: string): string | undefined {
  let v = value;
  if (v !== null && (typeof v === "object" || typeof v === "bigint")) {
    const toJSON = (v as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") v = (toJSON as (k: string) => unknown).call(v, key);
  }
  switch (typeof v) {
    case "string":
      return quote(v);
    case "number":
      return Number.isFinite(v) ? String(v) : "null";
    case "boolean":
      return v ? "true" : "false";
    case "bigint":
      throw new TypeError("Do not know how to serialize a BigInt");
    case "object":
      if (v === null) return "null";
      return Array.isArray(v) ? writeArray(v) : writeObject(v);
    default:
      return undefined;
  }
}

function writeArray(arr: readonly unknown[]): string {
  let out = "[";
  for (let i = 0; i < arr.length; i++) out += (i > 0 ? "," : "") + (write(arr[i], String(i)) ?? "null");
  return out + "]";
}

// Any object but an array: a Map, a boxed number or a class instance is its own enumerable properties, as a rebuild makes it.
function writeObject(obj: object): string {
  let out = "{";
  let first = true;
  for (const k of sortedKeys(obj)) {
    const s = write((obj as Record<string, unknown>)[k], k);
    if (s === undefined) continue;
    out += (first ? "" : ",") + quote(k) + ":" + s;
    first = false;
  }
  return out + "}";
}

/**
 * JSON with object keys sorted, so equal values hash equally whatever order they were built in. Byte for byte
 * what `JSON.stringify` gives with a replacer that rebuilds each object from its sorted entries (the stored
 * fingerprints were made that way), without building those objects.
 */
export function canonicalJson(value: unknown): string | undefined {
  return write(value, "");
}
