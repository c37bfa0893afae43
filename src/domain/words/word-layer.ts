import type { PlacedItem, PlacedWord, Timeline } from '../timeline'

/** One message's words as the audio timed them, for the span they were timed in. */
export interface AudioWords {
  /** The message's corrected span when timed (recording seconds): it is stale once it moves. */
  start: number
  end: number
  /** Word starts as shares of that span, 0..1; the words after them were not heard. */
  shares: readonly number[]
}

/** Audio word timings by item id, replaced by each batch the word worker sends. */
export type AudioWordLayer = ReadonlyMap<string, AudioWords>

const SAME_SPAN_S = 0.0005

/** Whether `item` (corrected) still sits where its words were timed. */
export function isCurrent(words: AudioWords | undefined, item: PlacedItem): boolean {
  return (
    words !== undefined &&
    item.end !== null &&
    Math.abs(words.start - item.start) < SAME_SPAN_S &&
    Math.abs(words.end - item.end) < SAME_SPAN_S
  )
}

/** Starts (recording seconds) → shares of the span they were timed in. */
export function audioWords(start: number, end: number, starts: readonly number[]): AudioWords {
  const span = Math.max(1e-6, end - start)
  return { start, end, shares: starts.map((s) => Math.min(1, Math.max(0, (s - start) / span))) }
}

/**
 * The items with audio-timed words, before the reviewer's shifts: shares keep the words inside a
 * message that moved since, until the worker times it again where it is now.
 */
export function withAudioWords(timeline: Timeline, layer: AudioWordLayer): Timeline {
  if (layer.size === 0) return timeline
  const items = timeline.items.map((item) => {
    const timed = layer.get(item.id)
    if (!timed || item.end === null || item.wordsSource === 'captured') return item
    const before = timedItems.get(item)
    if (before?.timed === timed) return before.item
    const withWords = {
      ...item,
      wordsSource: 'audio' as const,
      words: placeWords(item, timed.shares),
    }
    timedItems.set(item, { timed, item: withWords })
    return withWords
  })
  return { ...timeline, items }
}

/**
 * The item made for the same item and the same words last time: each batch from the word worker
 * then changes only the items it timed, and the corrected timeline re-reads only those.
 */
const timedItems = new WeakMap<PlacedItem, { timed: AudioWords; item: PlacedItem }>()

function placeWords(item: PlacedItem, shares: readonly number[]): PlacedWord[] {
  const end = item.end ?? item.start
  const at = (share: number) => item.start + share * (end - item.start)
  return item.words.map((word, w) => {
    const share = shares[w]
    if (share === undefined) return { ...word, start: end, end, heard: false }
    const next = shares[w + 1]
    return { ...word, start: at(share), end: next === undefined ? end : at(next), heard: true }
  })
}
