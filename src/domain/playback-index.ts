import type { Timeline } from './timeline'

/**
 * Flat, typed-array view of the spoken items and their words, for binary searches on every
 * animation frame (performance.md §5) without touching the item objects.
 */
export interface PlaybackIndex {
  /** Indices into `timeline.items` of the spoken (non-marker) items, by start. */
  itemIndex: Int32Array
  itemStarts: Float64Array
  itemEnds: Float64Array
  wordStarts: Float64Array
  wordEnds: Float64Array
  /** For each word: index into `timeline.items`, and its index within that item. */
  wordItem: Int32Array
  wordInItem: Int32Array
}

export function buildPlaybackIndex(timeline: Timeline): PlaybackIndex {
  const spoken: number[] = []
  const words: { start: number; end: number; item: number; inItem: number }[] = []
  timeline.items.forEach((item, index) => {
    if (item.lane === 'marker' || item.end === null) return
    spoken.push(index)
    item.words.forEach((w, inItem) => {
      // Words an interrupted reply never played must not take the highlight.
      if (w.heard) words.push({ start: w.start, end: w.end, item: index, inItem })
    })
  })
  words.sort((a, b) => a.start - b.start)
  return {
    itemIndex: Int32Array.from(spoken),
    itemStarts: Float64Array.from(spoken, (i) => timeline.items[i]?.start ?? 0),
    itemEnds: Float64Array.from(spoken, (i) => timeline.items[i]?.end ?? 0),
    wordStarts: Float64Array.from(words, (w) => w.start),
    wordEnds: Float64Array.from(words, (w) => w.end),
    wordItem: Int32Array.from(words, (w) => w.item),
    wordInItem: Int32Array.from(words, (w) => w.inItem),
  }
}
