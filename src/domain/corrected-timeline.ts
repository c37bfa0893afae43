import { sortNearlySorted } from './adaptive-sort'
import type { Corrections } from './corrections'
import { itemShift, vadShift } from './corrections'
import type { PlaybackIndex } from './playback-index'
import { shiftItem } from './shift-item'
import type { PlacedItem, Timeline } from './timeline'
import type { BaseWords } from './word-index'
import { baseWords, identity, isSpoken, placeWords } from './word-index'

/** What a key press reads of the base items, in typed arrays; built once a base timeline. */
interface BaseItems {
  start: Float64Array
  end: Float64Array
  spoken: Uint8Array
  /** Indices into `base.items` by id (ids are the history's own and may repeat). */
  byId: ReadonlyMap<string, readonly number[]>
  words: BaseWords
}

/**
 * A corrected timeline with what the next correction needs to be cheap: a key press re-creates
 * only the items whose shift changed (their words are shifted lazily, see `shiftItem`) and
 * re-sorts the items and the per-message word groups from their previous, nearly sorted order.
 * No word is read or copied, so a key press costs a few passes over typed arrays of one number
 * per message, whatever the number of words.
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
  baseItems: BaseItems
}

/**
 * `applyCorrections` + `buildPlaybackIndex`, reusing `previous` when it is the same base: the cost
 * of a key press is the changed items plus a few passes over typed arrays.
 */
export function correctTimeline(
  base: Timeline,
  corrections: Corrections,
  previous?: CorrectedTimeline,
): CorrectedTimeline {
  const reuse = previous && sameSpans(previous.base, base) ? previous : undefined
  if (reuse?.base === base && reuse.corrections === corrections) return reuse
  const sameBase = reuse?.base === base
  const baseItems = reuse
    ? sameBase
      ? reuse.baseItems
      : { ...reuse.baseItems, words: baseWords(base.items) }
    : readBaseItems(base.items)
  const shifts = itemShifts(base, corrections, baseItems, reuse)
  const n = base.items.length
  const shifted = reuse ? reuse.shifted.slice() : new Array<PlacedItem>(n)
  let changed = reuse === undefined || !sameBase
  for (let b = 0; b < n; b++) {
    const sameItem = sameBase || reuse?.base.items[b] === base.items[b]
    if (reuse && sameItem && reuse.shifts[b] === shifts[b]) continue
    shifted[b] = shiftItem(base.items[b] as PlacedItem, shifts[b] as number)
    changed = true
  }
  const vad = vadShifted(base, corrections, reuse)
  if (reuse && !changed) return { ...reuse, corrections, timeline: { ...reuse.timeline, vad } }

  const starts = new Float64Array(n)
  for (let b = 0; b < n; b++) starts[b] = (baseItems.start[b] as number) + (shifts[b] as number)
  const itemOrder = sortNearlySorted(reuse ? reuse.itemOrder.slice() : identity(n), starts)
  const items = new Array<PlacedItem>(n)
  const position = new Int32Array(n)
  itemOrder.forEach((b, at) => {
    items[at] = shifted[b] as PlacedItem
    position[b] = at
  })
  return {
    base,
    corrections,
    timeline: { ...base, items, vad },
    index: {
      ...spokenIndex(baseItems, itemOrder, starts, shifts),
      words: placeWords(baseItems.words, shifts, position, sameGroups(reuse, baseItems.words)),
    },
    shifts,
    shifted,
    itemOrder,
    baseItems,
  }
}

/**
 * Whether `next` has the items of `base` at the same spans (a new batch of audio-timed words
 * changes only words): then the previous corrected timeline is reused, words and changed items
 * aside, instead of re-sorting and re-reading every item.
 */
function sameSpans(base: Timeline, next: Timeline): boolean {
  if (base === next) return true
  if (base.items.length !== next.items.length || base.vad !== next.vad) return false
  return base.items.every((item, b) => {
    const other = next.items[b] as PlacedItem
    return (
      item === other ||
      (item.id === other.id &&
        item.lane === other.lane &&
        item.start === other.start &&
        item.end === other.end)
    )
  })
}

/** The previous word order, as a start for the re-sort, when it orders the same groups. */
function sameGroups(reuse: CorrectedTimeline | undefined, words: BaseWords) {
  const order = reuse?.index.words.order
  return order?.length === words.groupItem.length ? order : undefined
}

function readBaseItems(items: readonly PlacedItem[]): BaseItems {
  const byId = new Map<string, number[]>()
  items.forEach((item, b) => {
    const same = byId.get(item.id)
    if (same) same.push(b)
    else byId.set(item.id, [b])
  })
  return {
    start: Float64Array.from(items, (item) => item.start),
    end: Float64Array.from(items, (item) => item.end ?? item.start),
    spoken: Uint8Array.from(items, (item) => (isSpoken(item) ? 1 : 0)),
    byId,
    words: baseWords(items),
  }
}

/**
 * Every item's `global + lane + nudge`. When only nudges changed (the usual key press), only the
 * items whose nudge changed are looked at.
 */
function itemShifts(
  base: Timeline,
  corrections: Corrections,
  baseItems: BaseItems,
  reuse: CorrectedTimeline | undefined,
): Float64Array {
  const before = reuse?.corrections
  const sameLanes =
    before?.globalOffset === corrections.globalOffset &&
    before.laneOffsets.user === corrections.laneOffsets.user &&
    before.laneOffsets.agent === corrections.laneOffsets.agent
  if (!reuse || !sameLanes)
    return Float64Array.from(base.items, (item) => itemShift(corrections, item))
  const shifts = reuse.shifts.slice()
  for (const id of changedKeys(reuse.corrections.nudges, corrections.nudges))
    for (const b of baseItems.byId.get(id) ?? [])
      shifts[b] = itemShift(corrections, base.items[b] as PlacedItem)
  return shifts
}

function* changedKeys<V>(before: ReadonlyMap<string, V>, after: ReadonlyMap<string, V>) {
  if (before === after) return
  for (const [id, value] of after) if (before.get(id) !== value) yield id
  for (const id of before.keys()) if (!after.has(id)) yield id
}

function spokenIndex(
  baseItems: BaseItems,
  itemOrder: Int32Array,
  starts: Float64Array,
  shifts: Float64Array,
): Pick<PlaybackIndex, 'itemIndex' | 'itemStarts' | 'itemEnds'> {
  const n = itemOrder.length
  const itemIndex = new Int32Array(n)
  const itemStarts = new Float64Array(n)
  const itemEnds = new Float64Array(n)
  let count = 0
  for (let at = 0; at < n; at++) {
    const b = itemOrder[at] as number
    if (baseItems.spoken[b] === 0) continue
    itemIndex[count] = at
    itemStarts[count] = starts[b] as number
    itemEnds[count++] = (baseItems.end[b] as number) + (shifts[b] as number)
  }
  return {
    itemIndex: itemIndex.slice(0, count),
    itemStarts: itemStarts.slice(0, count),
    itemEnds: itemEnds.slice(0, count),
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
