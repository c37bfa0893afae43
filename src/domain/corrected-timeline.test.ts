import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { sortNearlySorted } from './adaptive-sort'
import type { CorrectedTimeline } from './corrected-timeline'
import { correctTimeline } from './corrected-timeline'
import type { Corrections } from './corrections'
import { applyCorrections, NO_CORRECTIONS, nudgeGlobal, nudgeItems, nudgeLane } from './corrections'
import { placeCall } from './place/place-call'
import { buildPlaybackIndex } from './playback-index'
import { historyFixture, timingsFixture } from './test-fixtures'
import type { PlacedItem, Timeline } from './timeline'
import { findActiveWord } from './word-index'

const base = placeCall({
  history: historyFixture('session-report.json'),
  timings: timingsFixture(),
})
const ids = base.items.map((i) => i.id)

/** One reviewer action: a global or lane nudge, or a nudge of some items (one, all after). */
const action = fc.oneof(
  fc.integer({ min: -200, max: 200 }).map((cs) => (c: Corrections) => nudgeGlobal(c, cs / 100)),
  fc
    .tuple(fc.constantFrom('user' as const, 'agent' as const), fc.integer({ min: -200, max: 200 }))
    .map(
      ([lane, cs]) =>
        (c: Corrections) =>
          nudgeLane(c, lane, cs / 100),
    ),
  fc
    .tuple(
      fc.subarray(ids, { minLength: 1 }),
      fc.integer({ min: -800, max: 800 }).filter((cs) => cs !== 0),
    )
    .map(
      ([some, cs]) =>
        (c: Corrections) =>
          nudgeItems(c, some, cs / 100),
    ),
)

function expectSameAsFullRebuild(corrected: CorrectedTimeline) {
  const full = applyCorrections(base, corrected.corrections)
  const index = buildPlaybackIndex(full)
  expect(corrected.timeline.items.map((i) => [i.id, i.start, i.end])).toEqual(
    full.items.map((i) => [i.id, i.start, i.end]),
  )
  const words = (items: typeof full.items) =>
    items.flatMap((i) => i.words.map((w) => `${w.start}/${w.end}/${w.heard}`)).join()
  expect(words(corrected.timeline.items)).toBe(words(full.items))
  expect(corrected.timeline.vad).toEqual(full.vad)
  for (const key of ['itemIndex', 'itemStarts', 'itemEnds'] as const)
    expect(Array.from(corrected.index[key]).join(), key).toBe(Array.from(index[key]).join())
}

function expectSameActiveWords(corrected: CorrectedTimeline) {
  const heard = heardWords(applyCorrections(base, corrected.corrections))
  expect(heard.length).toBeGreaterThan(0)
  for (const t of heard.flatMap((w) => [w.start, w.end, (w.start + w.end) / 2]))
    expect(findActiveWord(corrected.index.words, t), `t = ${t}`).toEqual(activeByScan(heard, t))
}

function heardWords(timeline: Timeline) {
  return timeline.items.flatMap((i, item) =>
    i.lane === 'marker' || i.end === null
      ? []
      : i.words.flatMap((w, word) => (w.heard ? [{ ...w, item, word }] : [])),
  )
}

/** The definition `findActiveWord` must meet: of the words that contain t, the last to start. */
function activeByScan(heard: ReturnType<typeof heardWords>, t: number) {
  let found: (typeof heard)[number] | undefined
  for (const w of heard)
    if (w.start <= t && t < w.end && (!found || w.start > found.start)) found = w
  return found && { item: found.item, word: found.word }
}
describe('incremental corrections', () => {
  test('any sequence of nudges gives exactly the full rebuild, index included', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 12 }), (actions) => {
        let corrections = NO_CORRECTIONS
        let corrected = correctTimeline(base, corrections)
        for (const apply of actions) {
          corrections = apply(corrections)
          corrected = correctTimeline(base, corrections, corrected)
          expectSameAsFullRebuild(corrected)
        }
        expectSameActiveWords(corrected)
      }),
      { numRuns: 40 },
    )
  })

  test('a nudge of one item re-creates that item only', () => {
    const before = correctTimeline(base, nudgeGlobal(NO_CORRECTIONS, 0.5))
    const target = ids[4] ?? ''
    const after = correctTimeline(base, nudgeItems(before.corrections, [target], 0.01), before)
    const recreated = after.shifted.filter((item, b) => item !== before.shifted[b])
    expect(recreated.map((i) => i.id)).toEqual([target])
  })

  test('new words for one message re-read only that message, as a rebuild would place them', () => {
    const corrections = nudgeItems(nudgeGlobal(NO_CORRECTIONS, 0.5), [ids[2] ?? ''], 0.2)
    const before = correctTimeline(base, corrections)
    const b = base.items.findIndex((i) => i.lane === 'agent' && i.words.length > 2)
    const item = base.items[b] as PlacedItem
    // The audio timed the words later than the captured ones, and found the last one unheard.
    const words = item.words.map((w, k, all) =>
      k === all.length - 1 ? { ...w, heard: false } : { ...w, start: w.start + 0.05 },
    )
    const next = { ...base, items: base.items.with(b, { ...item, words }) }
    const after = correctTimeline(next, corrections, before)
    const recreated = after.shifted.filter((s, k) => s !== before.shifted[k])
    expect(recreated.map((i) => i.id)).toEqual([item.id])
    const full = correctTimeline(next, corrections)
    expect(after.timeline.items.map((i) => i.words)).toEqual(
      full.timeline.items.map((i) => i.words),
    )
    for (const key of ['starts', 'ends', 'items', 'order'] as const)
      expect(Array.from(after.index.words[key]), key).toEqual(Array.from(full.index.words[key]))
    expect(Array.from(after.index.words.words.start)).toEqual(
      Array.from(full.index.words.words.start),
    )
  })

  test('another timeline is rebuilt, not patched', () => {
    const other = placeCall({ history: historyFixture('history-with-timestamps.json') })
    const first = correctTimeline(base, nudgeGlobal(NO_CORRECTIONS, 1))
    const second = correctTimeline(other, first.corrections, first)
    expect(second.timeline.items.map((i) => i.id)).toEqual(
      applyCorrections(other, first.corrections).items.map((i) => i.id),
    )
  })
})

describe('sortNearlySorted', () => {
  test('sorts any order by key, ties by index, within or past its budget', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 300 }), (keys) => {
        const key = Float64Array.from(keys)
        const order = Int32Array.from(keys.keys()).reverse()
        const expected = [...keys.keys()].sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0) || a - b)
        expect(Array.from(sortNearlySorted(order, key))).toEqual(expected)
      }),
    )
  })
})
