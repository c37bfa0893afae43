import { sortNearlySorted } from './adaptive-sort'
import { lastStartAtOrBefore } from './find-active'
import type { PlacedItem } from './timeline'

/**
 * The heard words of a timeline's spoken items, in typed arrays grouped by item, each group sorted
 * by start. Built once per base timeline; positions are before the item's correction shift, so a
 * key press re-sorts the groups (one per message) and never touches a word.
 */
export interface BaseWords {
  start: Float64Array
  end: Float64Array
  /** Index of the word in its item's `words`. */
  inItem: Int32Array
  /** Per group: index into the items the words were read from, first word, and word count. */
  groupItem: Int32Array
  groupFirst: Int32Array
  groupCount: Int32Array
  /** Per group: earliest start and latest end of its words. */
  spanStart: Float64Array
  spanEnd: Float64Array
}

/** The groups of `BaseWords` placed on the corrected timeline, sorted by corrected start. */
export interface WordIndex {
  words: BaseWords
  /** Groups in corrected order. */
  order: Int32Array
  starts: Float64Array
  ends: Float64Array
  shifts: Float64Array
  /** Index into `timeline.items` (the corrected order) of each group's item. */
  items: Int32Array
}

/** A message on a speaker's lane with a span (a region on the waveform), not a point marker. */
export type SpokenItem = PlacedItem & { lane: 'user' | 'agent'; end: number }

export function isSpoken(item: PlacedItem): item is SpokenItem {
  return item.lane !== 'marker' && item.end !== null
}

export function baseWords(items: readonly PlacedItem[]): BaseWords {
  // Two passes over typed arrays, no object per word: rebuilt whenever the base timeline changes
  // (an alignment, each batch of audio-timed words), on calls of 100k words.
  let wordCount = 0
  let groupCount = 0
  for (const item of items) {
    const heard = heardCount(item)
    wordCount += heard
    if (heard > 0) groupCount++
  }
  const words: BaseWords = {
    start: new Float64Array(wordCount),
    end: new Float64Array(wordCount),
    inItem: new Int32Array(wordCount),
    groupItem: new Int32Array(groupCount),
    groupFirst: new Int32Array(groupCount),
    groupCount: new Int32Array(groupCount),
    spanStart: new Float64Array(groupCount),
    spanEnd: new Float64Array(groupCount),
  }
  let at = 0
  let group = 0
  items.forEach((item, b) => {
    if (heardCount(item) === 0) return
    const first = at
    let sorted = true
    let spanEnd = -Infinity
    // Words an interrupted reply never played must not take the highlight.
    item.words.forEach((w, inItem) => {
      if (!w.heard) return
      if (at > first && w.start < (words.start[at - 1] as number)) sorted = false
      words.start[at] = w.start
      words.end[at] = w.end
      words.inItem[at] = inItem
      spanEnd = Math.max(spanEnd, w.end)
      at++
    })
    if (!sorted) sortGroup(words, first, at)
    words.groupItem[group] = b
    words.groupFirst[group] = first
    words.groupCount[group] = at - first
    words.spanStart[group] = words.start[first] as number
    words.spanEnd[group] = spanEnd
    group++
  })
  return words
}

function heardCount(item: PlacedItem): number {
  if (!isSpoken(item)) return 0
  let heard = 0
  for (const w of item.words) if (w.heard) heard++
  return heard
}

/** Sorts `[from, to)` of the word arrays by start (rare: captured timings out of order). */
function sortGroup(words: BaseWords, from: number, to: number) {
  const order = [...Array(to - from).keys()].map((k) => from + k)
  order.sort((x, y) => (words.start[x] as number) - (words.start[y] as number))
  const start = order.map((k) => words.start[k] as number)
  const end = order.map((k) => words.end[k] as number)
  const inItem = order.map((k) => words.inItem[k] as number)
  words.start.set(start, from)
  words.end.set(end, from)
  words.inItem.set(inItem, from)
}

/**
 * Places the groups with their items' shifts (by index into the items `words` was read from) and
 * `position` (where each of those items now sits in the corrected timeline). `previousOrder`, when
 * given, is re-sorted from where it was: a small correction moves few groups.
 */
export function placeWords(
  words: BaseWords,
  shifts: Float64Array,
  position: Int32Array,
  previousOrder?: Int32Array,
): WordIndex {
  const n = words.groupItem.length
  const keys = new Float64Array(n)
  for (let g = 0; g < n; g++)
    keys[g] = (words.spanStart[g] as number) + (shifts[words.groupItem[g] as number] as number)
  const order = sortNearlySorted(previousOrder ? previousOrder.slice() : identity(n), keys)
  const placed = {
    words,
    order,
    starts: new Float64Array(n),
    ends: new Float64Array(n),
    shifts: new Float64Array(n),
    items: new Int32Array(n),
  }
  for (let at = 0; at < n; at++) {
    const g = order[at] as number
    const b = words.groupItem[g] as number
    const shift = shifts[b] as number
    placed.starts[at] = keys[g] as number
    placed.ends[at] = (words.spanEnd[g] as number) + shift
    placed.shifts[at] = shift
    placed.items[at] = position[b] as number
  }
  return placed
}

export function identity(length: number): Int32Array {
  const order = new Int32Array(length)
  for (let i = 0; i < length; i++) order[i] = i
  return order
}

/** Messages that overlap one moment are few; a few groups back reach every one of them. */
const LOOK_BACK = 8

/**
 * The word under `t`: `[start, end)` contains it; when words of two messages overlap (barge-in),
 * the one that started last wins. `item` indexes `timeline.items`, `word` that item's `words`.
 */
export function findActiveWord(
  index: WordIndex,
  t: number,
): { item: number; word: number } | undefined {
  const { words } = index
  const last = lastStartAtOrBefore(index.starts, t)
  let found: { item: number; word: number; start: number } | undefined
  for (let g = last; g >= 0 && last - g < LOOK_BACK; g--) {
    if (!(t < (index.ends[g] as number))) continue
    const shift = index.shifts[g] as number
    const group = index.order[g] as number
    const first = words.groupFirst[group] as number
    const j = activeInGroup(words, first, words.groupCount[group] as number, shift, t)
    const start = (words.start[j] as number) + shift
    if (j !== -1 && (found === undefined || start > found.start))
      found = { item: index.items[g] as number, word: words.inItem[j] as number, start }
  }
  return found && { item: found.item, word: found.word }
}

/** Binary search inside one group, with the same look-back as `findActiveIndex`. */
function activeInGroup(
  words: BaseWords,
  first: number,
  count: number,
  shift: number,
  t: number,
): number {
  let lo = first
  let hi = first + count - 1
  let candidate = -1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    if ((words.start[mid] as number) + shift <= t) {
      candidate = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  for (let j = candidate; j >= first && candidate - j <= 8; j--)
    if (t < (words.end[j] as number) + shift) return j
  return -1
}
