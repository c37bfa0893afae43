import type { AlignmentLayer } from './align/layer'
import { alignItem } from './align/layer'
import type { PlacedItem, PlacedWord, Timeline } from './timeline'

/** The reviewer's inputs: all positions derive from these plus the computed timeline. */
export interface Corrections {
  /** Seconds added to every item. */
  globalOffset: number
  /**
   * Seconds added to one item (and its words), by item id. A Map, not an object: ids are the
   * history's own strings, and one named `constructor` or `__proto__` must stay an ordinary key.
   */
  nudges: ReadonlyMap<string, number>
  /** The audio alignment layer, replaced as a whole by each run (not a reviewer nudge). */
  alignment?: AlignmentLayer
}

export const NO_NUDGES: ReadonlyMap<string, number> = new Map()

export const NO_CORRECTIONS: Corrections = { globalOffset: 0, nudges: NO_NUDGES }

export function itemNudge(corrections: Corrections, id: string): number {
  return corrections.nudges.get(id) ?? 0
}

export function itemShift(corrections: Corrections, id: string): number {
  return corrections.globalOffset + itemNudge(corrections, id)
}

export function hasCorrections(corrections: Corrections): boolean {
  return corrections.globalOffset !== 0 || corrections.nudges.size > 0
}

/**
 * The item moved by `shift` seconds. Its words are shifted only when someone reads them, so a
 * key press on a long call copies no word it does not show.
 */
export function shiftItem(item: PlacedItem, shift: number): PlacedItem {
  if (shift === 0) return item
  const shifted: PlacedItem = {
    ...item,
    start: item.start + shift,
    end: item.end === null ? null : item.end + shift,
  }
  let words: PlacedWord[] | undefined
  Object.defineProperty(shifted, 'words', {
    enumerable: true,
    configurable: true,
    get: () =>
      (words ??= item.words.map((w) => ({ ...w, start: w.start + shift, end: w.end + shift }))),
  })
  return shifted
}

/** The timestamp placement with the audio alignment layer applied, before the reviewer's terms. */
export function alignTimeline(timeline: Timeline, alignment: AlignmentLayer | undefined): Timeline {
  if (!alignment) return timeline
  return { ...timeline, items: timeline.items.map((item) => alignItem(item, alignment)) }
}

/**
 * `pos = computed + alignment + global_offset + nudge[id]` (formats.md §9.2), still sorted by
 * start.
 */
export function applyCorrections(timeline: Timeline, corrections: Corrections): Timeline {
  const aligned = alignTimeline(timeline, corrections.alignment)
  const items = aligned.items.map((item) => shiftItem(item, itemShift(corrections, item.id)))
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
  const nudges = new Map(corrections.nudges)
  for (const id of ids) {
    const next = clampOffset((nudges.get(id) ?? 0) + delta)
    if (next === 0) nudges.delete(id)
    else nudges.set(id, next)
  }
  return { ...corrections, nudges }
}

export function nudgeGlobal(corrections: Corrections, delta: number): Corrections {
  return { ...corrections, globalOffset: clampOffset(corrections.globalOffset + delta) }
}

/**
 * No correction moves anything further than a day: a value past this (a typo, `1e308` in a file)
 * would overflow positions, so it is clamped when nudged and refused when read.
 */
export const MAX_OFFSET_S = 86_400

export function isSaneOffset(seconds: number): boolean {
  return Number.isFinite(seconds) && Math.abs(seconds) <= MAX_OFFSET_S
}

export function clampOffset(seconds: number): number {
  if (Number.isNaN(seconds)) return 0
  return roundMicro(Math.min(MAX_OFFSET_S, Math.max(-MAX_OFFSET_S, seconds)))
}

/** Keeps repeated ±10 ms steps from accumulating float noise (0.1 + 0.2 ≠ 0.3). */
export function roundMicro(seconds: number): number {
  return Math.round(seconds * 1e6) / 1e6
}
