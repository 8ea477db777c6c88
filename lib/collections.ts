// Small collection helpers the hot paths share: a multimap append and a bounded memo.

/** Adds a value to the list a key holds (a new list for a new key), in place. */
export function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * `compute` remembered for the last keys seen, at most `limit` of them: when full, the memo starts again, so
 * a caller sending endless new keys only churns it. A key whose computation throws is not remembered.
 */
export function boundedMemo<K, V>(limit: number, compute: (key: K) => V): (key: K) => V {
  const seen = new Map<K, V>();
  return (key) => {
    if (seen.has(key)) return seen.get(key)!;
    const value = compute(key);
    if (seen.size >= limit) seen.clear();
    seen.set(key, value);
    return value;
  };
}
