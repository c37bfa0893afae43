import type { AlignmentLayer } from './align/layer'
import { alignItems } from './align/layer'
import { shiftItem } from './shift-item'
import type { Lane, PlacedItem, Timeline } from './timeline'

export type SpeakerLane = Exclude<Lane, 'marker'>

/** Seconds added to one edge of one message; the other edge stays where it is. */
export interface EdgeShift {
  start: number
  end: number
}

/** The reviewer's inputs: all positions derive from these plus the computed timeline. */
export interface Corrections {
  /** Seconds added to every item. Positive = later in the recording. */
  globalOffset: number
  /** Seconds added to every message of one lane (an Egress file delays only the agent). */
  laneOffsets: Readonly<Record<SpeakerLane, number>>
  /**
   * Seconds added to one item (and its words), by item id. A Map, not an object: ids are the
   * history's own strings, and one named `constructor` or `__proto__` must stay an ordinary key.
   */
  nudges: ReadonlyMap<string, number>
  /** Start or end of one message moved alone (its words stretch to the new span), by item id. */
  edges: ReadonlyMap<string, EdgeShift>
  /** The audio alignment layer, replaced as a whole by each run (not a reviewer nudge). */
  alignment?: AlignmentLayer
}

export const NO_LANE_OFFSETS: Readonly<Record<SpeakerLane, number>> = { user: 0, agent: 0 }
export const NO_NUDGES: ReadonlyMap<string, number> = new Map()
export const NO_EDGES: ReadonlyMap<string, EdgeShift> = new Map()

export const NO_CORRECTIONS: Corrections = {
  globalOffset: 0,
  laneOffsets: NO_LANE_OFFSETS,
  nudges: NO_NUDGES,
  edges: NO_EDGES,
}

/** A message never shrinks below this when one of its edges is dragged. */
export const MIN_SPAN_S = 0.05

export function laneOffset(corrections: Corrections, lane: Lane): number {
  return lane === 'marker' ? 0 : corrections.laneOffsets[lane]
}

export function itemNudge(corrections: Corrections, id: string): number {
  return corrections.nudges.get(id) ?? 0
}

/** `global + lane + item`: the one place the reviewer's whole-item terms add up. */
export function itemShift(corrections: Corrections, item: Pick<PlacedItem, 'id' | 'lane'>): number {
  return (
    corrections.globalOffset + laneOffset(corrections, item.lane) + itemNudge(corrections, item.id)
  )
}

export function hasCorrections(corrections: Corrections): boolean {
  return (
    corrections.globalOffset !== 0 ||
    corrections.laneOffsets.user !== 0 ||
    corrections.laneOffsets.agent !== 0 ||
    corrections.nudges.size > 0 ||
    corrections.edges.size > 0
  )
}

/**
 * Moves a message's edges; its words keep their relative places inside the new span, so a start
 * dragged later compresses them instead of leaving the first word outside the message.
 */
export function moveEdges(item: PlacedItem, edge: EdgeShift | undefined): PlacedItem {
  if (!edge || item.end === null) return item
  const start = Math.min(item.start + edge.start, item.end + edge.end - MIN_SPAN_S)
  const end = Math.max(item.end + edge.end, start + MIN_SPAN_S)
  const oldSpan = item.end - item.start
  const scale = oldSpan > 0 ? (end - start) / oldSpan : 1
  const at = (t: number) => start + (t - item.start) * scale
  return {
    ...item,
    start,
    end,
    words: item.words.map((w) => ({ ...w, start: at(w.start), end: at(w.end) })),
  }
}

/**
 * The layers under the reviewer's whole-item terms: the audio alignment, then dragged edges. Edges
 * and shifts commute (both add to start and end), so the shifts can be applied on top, cheaply.
 */
export function reshapedTimeline(
  timeline: Timeline,
  alignment: AlignmentLayer | undefined,
  edges: ReadonlyMap<string, EdgeShift>,
): Timeline {
  if (!alignment && edges.size === 0) return timeline
  const items = alignItems(timeline.items, alignment).map((item) =>
    moveEdges(item, edges.get(item.id)),
  )
  return { ...timeline, items }
}

/** User VAD follows the user lane. */
export function vadShift(corrections: Corrections): number {
  return corrections.globalOffset + corrections.laneOffsets.user
}

/**
 * `pos = computed + alignment + edges + global_offset + lane_offset + nudge[id]` (formats.md
 * §9.2), still sorted by start.
 */
export function applyCorrections(timeline: Timeline, corrections: Corrections): Timeline {
  const reshaped = reshapedTimeline(timeline, corrections.alignment, corrections.edges)
  const items = reshaped.items.map((item) => shiftItem(item, itemShift(corrections, item)))
  const shift = vadShift(corrections)
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

/** The same nudge for many items ("this and all after"), copying the map once. */
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

export function nudgeLane(corrections: Corrections, lane: SpeakerLane, delta: number): Corrections {
  const laneOffsets = {
    ...corrections.laneOffsets,
    [lane]: clampOffset(corrections.laneOffsets[lane] + delta),
  }
  return { ...corrections, laneOffsets }
}

/** Adds `delta` to one edge of one message; an edge pair back at zero is removed. */
export function nudgeEdge(
  corrections: Corrections,
  id: string,
  side: keyof EdgeShift,
  delta: number,
): Corrections {
  const edges = new Map(corrections.edges)
  const current = edges.get(id) ?? { start: 0, end: 0 }
  const next = { ...current, [side]: clampOffset(current[side] + delta) }
  if (next.start === 0 && next.end === 0) edges.delete(id)
  else edges.set(id, next)
  return { ...corrections, edges }
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
