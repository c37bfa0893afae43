export interface CacheEntryInfo<K> {
  key: K
  bytes: number
  usedAt: number
}

/** Keys to drop, least recently used first, until what stays fits in `capBytes`. */
export function evictionsFor<K>(entries: readonly CacheEntryInfo<K>[], capBytes: number): K[] {
  let total = entries.reduce((n, e) => n + e.bytes, 0)
  const drop: K[] = []
  for (const entry of [...entries].sort((a, b) => a.usedAt - b.usedAt)) {
    if (total <= capBytes) break
    drop.push(entry.key)
    total -= entry.bytes
  }
  return drop
}
