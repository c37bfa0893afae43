import type { AlignmentLayer } from './align/layer'
import { alignItem } from './align/layer'
import type { PlacedItem, Timeline } from './timeline'

/** The reviewer's inputs: all positions derive from these plus the computed timeline. */
export interface Corrections {
  /** Seconds added to every item. */
  globalOffset: number
  /** Seconds added to one item (and its words), by item id. */
  nudges: Readonly<Record<string, number>>
  /** The audio alignment layer, replaced as a whole by each run (not a reviewer nudge). */
  alignment?: AlignmentLayer
}

export const NO_CORRECTIONS: Corrections = { globalOffset: 0, nudges: {} }

export function itemShift(corrections: Corrections, id: string): number {
  return corrections.globalOffset + (corrections.nudges[id] ?? 0)
}

export function shiftItem(item: PlacedItem, shift: number): PlacedItem {
  if (shift === 0) return item
  return {
    ...item,
    start: item.start + shift,
    end: item.end === null ? null : item.end + shift,
    words: item.words.map((w) => ({ ...w, start: w.start + shift, end: w.end + shift })),
  }
}

/** `pos = computed + global_offset + nudge[id]` (formats.md §9.2), still sorted by start. */
export function applyCorrections(timeline: Timeline, corrections: Corrections): Timeline {
  const { alignment } = corrections
  const items = timeline.items.map((item) =>
    shiftItem(alignItem(item, alignment), itemShift(corrections, item.id)),
  )
  const shift = corrections.globalOffset
  const vad =
    shift === 0
      ? timeline.vad
      : timeline.vad.map((s) => ({ start: s.start + shift, end: s.end + shift }))
  return { ...timeline, items: items.sort((a, b) => a.start - b.start), vad }
}

/** Adds `delta` to one item's nudge; a nudge that returns to zero is removed. */
export function nudgeItem(corrections: Corrections, id: string, delta: number): Corrections {
  return nudgeItems(corrections, [id], delta)
}

/** The same nudge for many items (a lane, "this and all after"), copying the map once. */
export function nudgeItems(
  corrections: Corrections,
  ids: readonly string[],
  delta: number,
): Corrections {
  const nudges = { ...corrections.nudges }
  for (const id of ids) {
    const next = roundMicro((nudges[id] ?? 0) + delta)
    if (next === 0) delete nudges[id]
    else nudges[id] = next
  }
  return { ...corrections, nudges }
}

export function nudgeGlobal(corrections: Corrections, delta: number): Corrections {
  return { ...corrections, globalOffset: roundMicro(corrections.globalOffset + delta) }
}

/** Keeps repeated ±10 ms steps from accumulating float noise (0.1 + 0.2 ≠ 0.3). */
export function roundMicro(seconds: number): number {
  return Math.round(seconds * 1e6) / 1e6
}
