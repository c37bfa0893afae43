import type { PlacedItem } from '../timeline'

export interface PaintedPoint {
  /** Seconds into the recording under the pointer. */
  time: number
  /** The band (0 = top) under the pointer. */
  band: number
  /** How far from an item, in seconds, a pointer still takes it: a few pixels at the zoom. */
  slop: number
}

/**
 * The painted item a pointer takes: a region of the band under it, or a marker (markers span
 * both bands), whichever is nearest in time within the slop; one the pointer is inside wins.
 */
export function paintedItemAt(
  items: readonly PlacedItem[],
  bandOf: (item: PlacedItem) => number | undefined,
  point: PaintedPoint,
): PlacedItem | undefined {
  let best: PlacedItem | undefined
  let bestDistance = Infinity
  for (const item of items) {
    const band = bandOf(item)
    if (band !== undefined && band !== point.band && item.end !== null) continue
    const end = band === undefined || item.end === null ? item.start : item.end
    const distance = Math.max(0, item.start - point.time, point.time - end)
    if (distance > point.slop) continue
    if (distance < bestDistance || (distance === bestDistance && isShorter(item, best))) {
      best = item
      bestDistance = distance
    }
  }
  return best
}

function isShorter(a: PlacedItem, b: PlacedItem | undefined): boolean {
  if (!b) return true
  return (a.end ?? a.start) - a.start < (b.end ?? b.start) - b.start
}
