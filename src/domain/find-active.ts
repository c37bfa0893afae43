/** Index of the last start ≤ t in ascending `starts`, or -1. */
export function lastStartAtOrBefore(starts: ArrayLike<number>, t: number): number {
  let lo = 0
  let hi = starts.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    if ((starts[mid] ?? Infinity) <= t) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

/**
 * The interval `[start, end)` that contains t, by binary search; when intervals overlap (barge-in),
 * the one that started last wins. -1 when t falls in a gap.
 */
export function findActiveIndex(
  starts: ArrayLike<number>,
  ends: ArrayLike<number>,
  t: number,
): number {
  const candidate = lastStartAtOrBefore(starts, t)
  if (candidate === -1) return -1
  if (t < (ends[candidate] ?? -Infinity)) return candidate
  // An earlier, longer interval may still cover t (an agent turn under a short backchannel).
  for (let i = candidate - 1; i >= 0 && candidate - i <= 8; i--) {
    if (t < (ends[i] ?? -Infinity)) return i
  }
  return -1
}
