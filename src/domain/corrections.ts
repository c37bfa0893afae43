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
  /** Seconds added to one item (and its words), by item id. */
  nudges: Readonly<Record<string, number>>
  /** Start or end of one message moved alone (its words stretch to the new span), by item id. */
  edges: Readonly<Record<string, EdgeShift>>
}

export const NO_LANE_OFFSETS: Readonly<Record<SpeakerLane, number>> = { user: 0, agent: 0 }

export const NO_CORRECTIONS: Corrections = {
  globalOffset: 0,
  laneOffsets: NO_LANE_OFFSETS,
  nudges: {},
  edges: {},
}

/** A message never shrinks below this when one of its edges is dragged. */
export const MIN_SPAN_S = 0.05

export function laneOffset(corrections: Corrections, lane: Lane): number {
  return lane === 'marker' ? 0 : corrections.laneOffsets[lane]
}

/** `global + lane + item`: the one place the reviewer's whole-item terms add up. */
export function itemShift(corrections: Corrections, item: Pick<PlacedItem, 'id' | 'lane'>): number {
  return (
    corrections.globalOffset +
    laneOffset(corrections, item.lane) +
    (corrections.nudges[item.id] ?? 0)
  )
}

export function hasCorrections(corrections: Corrections): boolean {
  return (
    corrections.globalOffset !== 0 ||
    corrections.laneOffsets.user !== 0 ||
    corrections.laneOffsets.agent !== 0 ||
    Object.keys(corrections.nudges).length > 0 ||
    Object.keys(corrections.edges).length > 0
  )
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
 * `pos = computed + global_offset + lane_offset + nudge[id]` (formats.md §9.2), then the dragged
 * edges; still sorted by start. User VAD follows the user lane.
 */
export function applyCorrections(timeline: Timeline, corrections: Corrections): Timeline {
  const items = timeline.items.map((item) =>
    moveEdges(shiftItem(item, itemShift(corrections, item)), corrections.edges[item.id]),
  )
  const shift = corrections.globalOffset + corrections.laneOffsets.user
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

export function nudgeLane(corrections: Corrections, lane: SpeakerLane, delta: number): Corrections {
  const laneOffsets = {
    ...corrections.laneOffsets,
    [lane]: roundMicro(corrections.laneOffsets[lane] + delta),
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
  const edges = { ...corrections.edges }
  const current = edges[id] ?? { start: 0, end: 0 }
  const next = { ...current, [side]: roundMicro(current[side] + delta) }
  if (next.start === 0 && next.end === 0) delete edges[id]
  else edges[id] = next
  return { ...corrections, edges }
}

export function nudgeGlobal(corrections: Corrections, delta: number): Corrections {
  return { ...corrections, globalOffset: roundMicro(corrections.globalOffset + delta) }
}

/** Keeps repeated ±10 ms steps from accumulating float noise (0.1 + 0.2 ≠ 0.3). */
export function roundMicro(seconds: number): number {
  return Math.round(seconds * 1e6) / 1e6
}
