// A string JSON.stringify writes as it is between quotes (no quote, backslash, control or surrogate code unit).
const PLAIN = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;
const quote = (s: string) => (s.length < 64 && PLAIN.test(s) ? `"${s}"` : JSON.stringify(s));

// An array index key (0 … 2^32 − 2): an object lists these first, in numeric order, whatever order they were set in.
const isIndexKey = (k: string) => /^(?:0|[1-9]\d{0,9})$/.test(k) && Number(k) < 4_294_967_295;

interface Shape {
  keys: string[];
  /** The keys in write order, each with its JSON name and colon. */
  order: [key: string, prefix: string][];
}

// Shapes seen, by first key: a registry's thousands of values share a few dozen, and comparing an object's key
// list with a known one is cheaper than sorting it (keys of objects built alike are the same strings).
const shapes = new Map<string, Shape[]>();
const MAX_SHAPES = 1_000;
let shapeCount = 0;

const sameKeys = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((k, i) => k === b[i]);

/** The keys in the order JSON.stringify writes an object rebuilt from its entries sorted by code unit. */
function shapeOf(obj: object): Shape {
  const keys = Object.keys(obj);
  const known = shapes.get(keys[0] ?? "");
  const found = known?.find((s) => sameKeys(s.keys, keys));
  if (found) return found;
  const sorted = [...keys].sort();
  const ordered = [...sorted.filter(isIndexKey).sort((a, b) => Number(a) - Number(b)), ...sorted.filter((k) => !isIndexKey(k))];
  const shape: Shape = { keys, order: ordered.map((k) => [k, quote(k) + ":"]) };
  if (shapeCount < MAX_SHAPES) {
    shapeCount++;
    shapes.set(keys[0] ?? "", [...(known ?? []), shape]);
  }
  return shape;
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
  for (const [k, prefix] of shapeOf(obj).order) {
    const s = write((obj as Record<string, unknown>)[k], k);
    if (s === undefined) continue;
    out += (first ? "" : ",") + prefix + s;
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
