import { sortNearlySorted } from './adaptive-sort'
import type { Corrections } from './corrections'
import { itemShift, vadShift } from './corrections'
import { shiftItem } from './shift-item'
import type { PlaybackIndex } from './playback-index'
import { spokenItems } from './playback-index'
import type { PlacedItem, Timeline } from './timeline'
import type { BaseWords } from './word-index'
import { baseWords, identity, placeWords } from './word-index'

/**
 * A corrected timeline with what the next correction needs to be cheap: a key press re-creates
 * only the items whose shift changed (their words are shifted lazily, see `shiftItem`) and
 * re-sorts the items and the per-message word groups from their previous, nearly sorted order.
 * No word is read or copied, so a key press costs O(messages), whatever the number of words.
 */
export interface CorrectedTimeline {
  base: Timeline
  corrections: Corrections
  timeline: Timeline
  index: PlaybackIndex
  /** Shift (seconds) and shifted item, by index into `base.items`. */
  shifts: Float64Array
  shifted: PlacedItem[]
  /** Corrected order of the base items. */
  itemOrder: Int32Array
  words: BaseWords
}

/**
 * `applyCorrections` + `buildPlaybackIndex`, reusing `previous` when it is the same base: the cost
 * of a key press is the changed items plus a few passes over one typed array per message.
 */
export function correctTimeline(
  base: Timeline,
  corrections: Corrections,
  previous?: CorrectedTimeline,
): CorrectedTimeline {
  const reuse = previous?.base === base ? previous : undefined
  if (reuse?.corrections === corrections) return reuse
  const n = base.items.length
  const shifts = new Float64Array(n)
  const shifted: PlacedItem[] = new Array<PlacedItem>(n)
  let changed = reuse === undefined
  base.items.forEach((item, b) => {
    const shift = itemShift(corrections, item)
    shifts[b] = shift
    const old = reuse?.shifted[b]
    if (old !== undefined && reuse?.shifts[b] === shift) shifted[b] = old
    else {
      shifted[b] = shiftItem(item, shift)
      changed = true
    }
  })
  const vad = vadShifted(base, corrections, reuse)
  if (reuse && !changed) return { ...reuse, corrections, timeline: { ...reuse.timeline, vad } }

  const itemStarts = new Float64Array(n)
  shifted.forEach((item, b) => (itemStarts[b] = item.start))
  const itemOrder = sortNearlySorted(reuse ? reuse.itemOrder.slice() : identity(n), itemStarts)
  const items = new Array<PlacedItem>(n)
  const position = new Int32Array(n)
  itemOrder.forEach((b, at) => {
    items[at] = shifted[b] as PlacedItem
    position[b] = at
  })
  const words = reuse?.words ?? baseWords(base.items)
  return {
    base,
    corrections,
    timeline: { ...base, items, vad },
    index: {
      ...spokenItems(items),
      words: placeWords(words, shifts, position, reuse?.index.words.order),
    },
    shifts,
    shifted,
    itemOrder,
    words,
  }
}

function vadShifted(
  base: Timeline,
  corrections: Corrections,
  reuse: CorrectedTimeline | undefined,
): Timeline['vad'] {
  const shift = vadShift(corrections)
  if (shift === 0) return base.vad
  if (reuse && vadShift(reuse.corrections) === shift) return reuse.timeline.vad
  return base.vad.map((s) => ({ start: s.start + shift, end: s.end + shift }))
}
