import type { PlacedItem } from '../timeline'
import type { AlignedTurn } from './align-call'

/**
 * The audio alignment as its own layer of the position model: position = timestamp placement +
 * alignment + the reviewer's global and item terms. A run replaces the layer as a whole, so it is
 * one undo step, and it never touches the reviewer's own corrections.
 */
export interface AlignmentLayer {
  /** Seconds the fitted clock adds to the timestamp placement (agent lane, at the call's start). */
  offset: number
  driftPpm: number
  driftFitted: boolean
  turns: ReadonlyMap<string, AlignedTurn>
}

/** Below this a match is shown as needing a look. */
export const LOW_CONFIDENCE = 0.5

/**
 * The item as the alignment places it: moved to the speech found for it, its words mapped onto the
 * new span. Items the alignment kept where they were (measured clocks it had no reason to doubt,
 * hand-corrected items) only gain the confidence.
 */
export function alignItem(item: PlacedItem, layer: AlignmentLayer | undefined): PlacedItem {
  const aligned = layer?.turns.get(item.id)
  if (!aligned) return item
  if (aligned.status === 'kept') return { ...item, confidence: aligned.confidence }
  const oldEnd = item.end ?? item.start
  const scale = oldEnd > item.start ? (aligned.end - aligned.start) / (oldEnd - item.start) : 1
  const map = (t: number) => aligned.start + (t - item.start) * scale
  return {
    ...item,
    start: aligned.start,
    end: item.end === null ? null : aligned.end,
    basis: 'audio',
    confidence: aligned.confidence,
    alignStatus: aligned.status,
    // A literal of the word's four fields, not a spread: an hour's call maps 20k words here.
    words: item.words.map((w) => ({
      text: w.text,
      start: map(w.start),
      end: map(w.end),
      heard: w.heard,
    })),
  }
}

/**
 * Every item as the alignment places it. Markers (tool calls, handoffs, config updates) are not
 * speech, so nothing in the audio places them: each moves with the spoken message before it (the
 * first one, for markers before any), so a tool call stays between the turns it sat between.
 */
export function alignItems(
  items: readonly PlacedItem[],
  layer: AlignmentLayer | undefined,
): PlacedItem[] {
  if (!layer) return [...items]
  const moveOf = (item: PlacedItem) => {
    const aligned = layer.turns.get(item.id)
    return aligned && aligned.status !== 'kept' ? aligned.start - item.start : undefined
  }
  let move = 0
  for (const item of items) {
    const first = item.lane === 'marker' ? undefined : moveOf(item)
    if (first !== undefined) {
      move = first
      break
    }
  }
  return items.map((item) => {
    if (item.lane !== 'marker') {
      if (layer.turns.has(item.id)) move = moveOf(item) ?? 0
      return alignItem(item, layer)
    }
    if (move === 0) return item
    return { ...item, start: item.start + move, end: item.end === null ? null : item.end + move }
  })
}
