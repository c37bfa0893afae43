import { sortNearlySorted } from './adaptive-sort'
import type { Corrections } from './corrections'
import { itemShift, shiftItem } from './corrections'
import type { PlaybackIndex } from './playback-index'
import type { PlacedItem, Timeline } from './timeline'

/** The heard words of the base timeline's spoken items, flat, in base order; built once a call. */
interface BaseWords {
  start: Float64Array
  end: Float64Array
  /** Index into `base.items`. */
  item: Int32Array
  inItem: Int32Array
}

/**
 * A corrected timeline with what the next correction needs to be cheap: a key press re-creates
 * only the items whose shift changed (their words are shifted lazily, see `shiftItem`) and
 * re-sorts the typed-array playback index from its previous, nearly sorted order.
 */
export interface CorrectedTimeline {
  base: Timeline
  corrections: Corrections
  timeline: Timeline
  index: PlaybackIndex
  /** Shift (seconds) and shifted item, by index into `base.items`. */
  shifts: Float64Array
  shifted: PlacedItem[]
  /** Corrected order of the base items, and of the base words. */
  itemOrder: Int32Array
  wordOrder: Int32Array
  words: BaseWords
}

function isSpoken(item: PlacedItem): boolean {
  return item.lane !== 'marker' && item.end !== null
}

function baseWords(base: Timeline): BaseWords {
  let count = 0
  for (const item of base.items)
    if (isSpoken(item)) for (const w of item.words) if (w.heard) count++
  const words: BaseWords = {
    start: new Float64Array(count),
    end: new Float64Array(count),
    item: new Int32Array(count),
    inItem: new Int32Array(count),
  }
  let j = 0
  base.items.forEach((item, b) => {
    if (!isSpoken(item)) return
    item.words.forEach((w, inItem) => {
      // Words an interrupted reply never played must not take the highlight.
      if (!w.heard) return
      words.start[j] = w.start
      words.end[j] = w.end
      words.item[j] = b
      words.inItem[j] = inItem
      j++
    })
  })
  return words
}

function identity(length: number): Int32Array {
  return Int32Array.from({ length }, (_, i) => i)
}

/**
 * `applyCorrections` + `buildPlaybackIndex`, reusing `previous` when it is the same base: the cost
 * of a key press is the changed items plus a few passes over typed arrays, never a copy of every
 * word object.
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
    const shift = itemShift(corrections, item.id)
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

  const itemStarts = Float64Array.from(shifted, (item) => item.start)
  const itemOrder = sortNearlySorted(reuse ? reuse.itemOrder.slice() : identity(n), itemStarts)
  const items = Array.from(itemOrder, (b) => shifted[b] as PlacedItem)
  const position = new Int32Array(n)
  itemOrder.forEach((b, at) => (position[b] = at))

  const words = reuse?.words ?? baseWords(base)
  const wordCount = words.start.length
  const wordStarts = new Float64Array(wordCount)
  const { start, item } = words
  for (let j = 0; j < wordCount; j++)
    wordStarts[j] = (start[j] as number) + (shifts[item[j] as number] as number)
  const wordOrder = sortNearlySorted(
    reuse ? reuse.wordOrder.slice() : identity(wordCount),
    wordStarts,
  )
  return {
    base,
    corrections,
    timeline: { ...base, items, vad },
    index: playbackIndex(items, words, wordOrder, wordStarts, shifts, position),
    shifts,
    shifted,
    itemOrder,
    wordOrder,
    words,
  }
}

function vadShifted(
  base: Timeline,
  corrections: Corrections,
  reuse: CorrectedTimeline | undefined,
): Timeline['vad'] {
  const shift = corrections.globalOffset
  if (shift === 0) return base.vad
  if (reuse?.corrections.globalOffset === shift) return reuse.timeline.vad
  return base.vad.map((s) => ({ start: s.start + shift, end: s.end + shift }))
}

function playbackIndex(
  items: readonly PlacedItem[],
  words: BaseWords,
  wordOrder: Int32Array,
  wordStarts: Float64Array,
  shifts: Float64Array,
  position: Int32Array,
): PlaybackIndex {
  const spoken: number[] = []
  items.forEach((item, at) => {
    if (isSpoken(item)) spoken.push(at)
  })
  const count = wordOrder.length
  const starts = new Float64Array(count)
  const ends = new Float64Array(count)
  const wordItem = new Int32Array(count)
  const wordInItem = new Int32Array(count)
  const { end, item, inItem } = words
  // One pass over typed arrays: the only per-word work of a key press.
  for (let i = 0; i < count; i++) {
    const j = wordOrder[i] as number
    const b = item[j] as number
    starts[i] = wordStarts[j] as number
    ends[i] = (end[j] as number) + (shifts[b] as number)
    wordItem[i] = position[b] as number
    wordInItem[i] = inItem[j] as number
  }
  return {
    itemIndex: Int32Array.from(spoken),
    itemStarts: Float64Array.from(spoken, (at) => items[at]?.start ?? 0),
    itemEnds: Float64Array.from(spoken, (at) => items[at]?.end ?? 0),
    wordStarts: starts,
    wordEnds: ends,
    wordItem,
    wordInItem,
  }
}
