import { expect, test } from 'vitest'
import type { CallHistory } from './call'
import { dataWarnings } from './checks'
import { placeCall } from './place/place-call'
import { historyFixture, timingsFixture } from './test-fixtures'

const history = historyFixture('session-report.json')

function warningsFor(h: CallHistory, audioDuration?: number) {
  return dataWarnings(h, placeCall({ history: h }), timingsFixture(), audioDuration).map(
    (w) => w.message,
  )
}

test('the consistent fixture call raises no warnings', () => {
  expect(warningsFor(history, 63.7)).toEqual([])
})

test('stopped before started, created before the speech ended, e2e that disagrees', () => {
  const broken: CallHistory = {
    ...history,
    items: history.items.map((i) => {
      if (i.id === 'item_c3f9a0d27e15' && i.type === 'message')
        return { ...i, created_at: 1763900010, metrics: { ...i.metrics } }
      if (i.id === 'item_e82d4b6a1c07' && i.type === 'message')
        return { ...i, metrics: { ...i.metrics, e2e_latency: 2.5 } }
      if (i.id === 'item_9a1e5c3b7f24' && i.type === 'message')
        return { ...i, metrics: { ...i.metrics, stopped_speaking_at: 1763900019 } }
      return i
    }),
  }
  expect(warningsFor(broken)).toEqual([
    'created 1.045 s before the speech ended',
    'e2e_latency says 2.500 s, the timestamps say 0.973 s',
    'stopped speaking 0.901 s before it started; metrics ignored',
  ])
})

test('a recording much shorter than the report says the input stalled', () => {
  expect(warningsFor(history, 40)).toContain(
    'the report spans 63.704 s but the recording is 40.000 s: the input may have stalled',
  )
})

test('a guessed anchor is flagged', () => {
  const bare = historyFixture('history-with-timestamps.json')
  expect(warningsFor(bare)[0]).toMatch(/t0 is a guess/)
})

test('measured sources that disagree by more than 0.25 s are flagged', () => {
  const shifted: CallHistory = {
    ...history,
    items: history.items.map((i) =>
      i.id === 'item_b7e41c09a2f6' && i.type === 'message'
        ? { ...i, metrics: { ...i.metrics, started_speaking_at: 1763900000.8841228 } }
        : i,
    ),
  }
  const warnings = dataWarnings(
    shifted,
    placeCall({ history: shifted, timings: timingsFixture() }),
    timingsFixture(),
    undefined,
  )
  expect(warnings).toContainEqual({
    itemId: 'item_b7e41c09a2f6',
    message: 'by words it starts 0.360 s later than by metrics',
  })
})
