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

export function isSpoken(item: PlacedItem): boolean {
  return item.lane !== 'marker' && item.end !== null
}

export function baseWords(items: readonly PlacedItem[]): BaseWords {
  const groups: { item: number; words: { start: number; end: number; inItem: number }[] }[] = []
  items.forEach((item, b) => {
    if (!isSpoken(item)) return
    // Words an interrupted reply never played must not take the highlight.
    const heard = item.words
      .map((w, inItem) => ({ start: w.start, end: w.end, inItem, heard: w.heard }))
      .filter((w) => w.heard)
      .sort((x, y) => x.start - y.start)
    if (heard.length > 0) groups.push({ item: b, words: heard })
  })
  const flat = groups.flatMap((g) => g.words)
  let first = 0
  return {
    start: Float64Array.from(flat, (w) => w.start),
    end: Float64Array.from(flat, (w) => w.end),
    inItem: Int32Array.from(flat, (w) => w.inItem),
    groupItem: Int32Array.from(groups, (g) => g.item),
    groupFirst: Int32Array.from(groups, (g) => (first += g.words.length) - g.words.length),
    groupCount: Int32Array.from(groups, (g) => g.words.length),
    spanStart: Float64Array.from(groups, (g) => g.words[0]?.start ?? 0),
    spanEnd: Float64Array.from(groups, (g) =>
      g.words.reduce((end, w) => Math.max(end, w.end), -Infinity),
    ),
  }
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
