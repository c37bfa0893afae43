import { describe, expect, test } from 'vitest'
import { applyCorrections, NO_CORRECTIONS, nudgeGlobal } from '../corrections'
import { placeCall } from '../place/place-call'
import { historyFixture } from '../test-fixtures'
import type { Timeline } from '../timeline'
import { PEAKS_PER_SECOND } from './peaks'
import { suggestOffset } from './suggest-offset'

/** Synthetic peaks: speech exactly where the fixture's messages are, on their own channel. */
function peaksFor(timeline: Timeline, duration: number) {
  const bins = duration * PEAKS_PER_SECOND
  const user = new Float32Array(bins).fill(0.001)
  const agent = new Float32Array(bins).fill(0.001)
  for (const item of timeline.items) {
    if (item.end === null || item.lane === 'marker') continue
    const channel = item.lane === 'user' ? user : agent
    for (
      let b = Math.round(item.start * PEAKS_PER_SECOND);
      b < Math.round(item.end * PEAKS_PER_SECOND);
      b++
    )
      channel[b] = b % 7 === 0 ? 0.02 : 0.4 // speech has short dips between syllables
  }
  return { user, agent }
}

describe('suggestOffset', () => {
  const truth = placeCall({ history: historyFixture('session-report.json') })
  const peaks = peaksFor(truth, 70)

  test('a timeline that matches its audio gets no extra offset', () => {
    expect(suggestOffset(truth.items, peaks)?.offset).toBe(0)
  })

  test.each([-1.25, -0.3, 0.08, 2])('a timeline shifted by %f s is told to shift back', (shift) => {
    const wrong = applyCorrections(truth, nudgeGlobal(NO_CORRECTIONS, shift))
    const suggestion = suggestOffset(wrong.items, peaks)
    expect(suggestion?.offset).toBeCloseTo(-shift, 2)
    expect(suggestion?.match).toBeGreaterThan(suggestion?.matchNow ?? 1)
  })

  test('silence gives no suggestion', () => {
    const silent = { user: new Float32Array(7000), agent: new Float32Array(7000) }
    expect(suggestOffset(truth.items, silent)).toBeUndefined()
  })
})
