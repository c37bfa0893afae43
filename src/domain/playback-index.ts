import type { PlacedItem, Timeline } from './timeline'
import type { WordIndex } from './word-index'
import { baseWords, identity, isSpoken, placeWords } from './word-index'

/**
 * Flat, typed-array view of the spoken items and their words, for binary searches on every
 * animation frame (performance.md §5) without touching the item objects.
 */
export interface PlaybackIndex {
  /** Indices into `timeline.items` of the spoken (non-marker) items, by start. */
  itemIndex: Int32Array
  itemStarts: Float64Array
  itemEnds: Float64Array
  /** Search it with `findActiveWord`. */
  words: WordIndex
}

/** The spoken items of `items` (already sorted by start), as `PlaybackIndex` holds them. */
export function spokenItems(
  items: readonly PlacedItem[],
): Pick<PlaybackIndex, 'itemIndex' | 'itemStarts' | 'itemEnds'> {
  let count = 0
  for (const item of items) if (isSpoken(item)) count++
  const spoken = {
    itemIndex: new Int32Array(count),
    itemStarts: new Float64Array(count),
    itemEnds: new Float64Array(count),
  }
  let i = 0
  items.forEach((item, at) => {
    if (!isSpoken(item)) return
    spoken.itemIndex[i] = at
    spoken.itemStarts[i] = item.start
    spoken.itemEnds[i++] = item.end ?? 0
  })
  return spoken
}

export function buildPlaybackIndex(timeline: Timeline): PlaybackIndex {
  const n = timeline.items.length
  return {
    ...spokenItems(timeline.items),
    words: placeWords(baseWords(timeline.items), new Float64Array(n), identity(n)),
  }
}
