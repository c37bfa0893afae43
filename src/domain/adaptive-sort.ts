/**
 * Sorts `order` (indices) in place by `key[i]`, ties by index, assuming it is nearly sorted
 * already (the previous order after a small correction): insertion sort costs O(n + moves). Past a
 * budget of moves it falls back to a full sort, so a large jump stays O(n log n).
 */
export function sortNearlySorted(order: Int32Array, key: Float64Array): Int32Array {
  let budget = 4 * order.length + 10_000
  for (let i = 1; i < order.length; i++) {
    const current = order[i] as number
    const k = key[current] as number
    let j = i - 1
    for (; j >= 0; j--) {
      const other = order[j] as number
      const ko = key[other] as number
      if (!(k < ko || (k === ko && current < other))) break
      order[j + 1] = other
      if (--budget < 0) return fullSort(order, key)
    }
    order[j + 1] = current
  }
  return order
}

function fullSort(order: Int32Array, key: Float64Array): Int32Array {
  const sorted = Array.from(order).sort((a, b) => (key[a] ?? 0) - (key[b] ?? 0) || a - b)
  order.set(sorted)
  return order
}
