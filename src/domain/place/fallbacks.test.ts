import { describe, expect, test } from 'vitest'
import type { CallHistory } from '../call'
import { FIXTURE_T0, fixtureText, historyFixture, timingsFixture } from '../test-fixtures'
import { placeCall } from './place-call'

const GREETING = 'item_b7e41c09a2f6'
const FIRST_USER = 'item_c3f9a0d27e15'

function withoutMetrics(history: CallHistory, ids: readonly string[]): CallHistory {
  return {
    ...history,
    items: history.items.map((i) =>
      i.type === 'message' && ids.includes(i.id) ? { ...i, metrics: {} } : i,
    ),
  }
}

function placedStart(history: CallHistory, id: string, timings = false) {
  const timeline = placeCall({ history, ...(timings ? { timings: timingsFixture() } : {}) })
  const placed = timeline.items.find((i) => i.id === id)
  if (!placed) throw new Error(`no ${id}`)
  return placed
}

describe('user turns without metrics (formats.md §9.3, user)', () => {
  test('back-dated user_state_changed events give the VAD turn (Python ≥ 1.5.0)', () => {
    const history = withoutMetrics(historyFixture('session-report.json'), [FIRST_USER])
    const user = placedStart(history, FIRST_USER)
    expect(user.basis).toBe('user_state')
    expect(user.start).toBeCloseTo(1763900007.4203 - FIXTURE_T0, 6)
    expect(user.end).toBeCloseTo(1763900011.0452 - FIXTURE_T0, 6)
  })

  test('events of an SDK before 1.5.0 are corrected for their emission lag', () => {
    const history = {
      ...withoutMetrics(historyFixture('session-report.json'), [FIRST_USER]),
      sdkVersion: '1.4.3',
    }
    const user = placedStart(history, FIRST_USER)
    expect(user.start).toBeCloseTo(1763900007.4203 - 0.05 - FIXTURE_T0, 6)
    expect(user.end).toBeCloseTo(1763900011.0452 - 0.55 - FIXTURE_T0, 6)
  })

  test('STT words place the turn when metrics are missing', () => {
    const history = withoutMetrics(historyFixture('session-report.json'), [FIRST_USER])
    const user = placedStart({ ...history, events: [] }, FIRST_USER, true)
    expect(user.basis).toBe('words')
    expect(user.start).toBeCloseTo(7.2725, 4)
  })

  test('created_at alone: end = created_at − end_of_turn_delay, start from the word count', () => {
    const base = historyFixture('history-with-timestamps.json')
    const history: CallHistory = {
      ...base,
      recordingStartedAt: FIXTURE_T0,
      items: base.items.map((i) =>
        i.id === FIRST_USER && i.type === 'message'
          ? { ...i, metrics: { end_of_turn_delay: 0.5756 } }
          : i,
      ),
    }
    const user = placedStart(history, FIRST_USER)
    expect(user.basis).toBe('created_at')
    expect(user.end).toBeCloseTo(1763900011.3004 - 0.5756 - FIXTURE_T0, 6)
    expect((user.end ?? 0) - user.start).toBeCloseTo(14 / 2.5, 6)
  })
})

describe('assistant messages without metrics (formats.md §9.3, assistant)', () => {
  const reportWithoutGreetingMetrics = () => ({
    ...withoutMetrics(historyFixture('session-report.json'), [GREETING]),
  })

  test('captured TTS words place it from their anchor', () => {
    const greeting = placedStart(reportWithoutGreetingMetrics(), GREETING, true)
    expect(greeting.basis).toBe('words')
    expect(greeting.start).toBeCloseTo(1.036, 3)
  })

  test('a pipeline reply starts about 0.6 s after created_at', () => {
    const greeting = placedStart(reportWithoutGreetingMetrics(), GREETING)
    expect(greeting.basis).toBe('created_at')
    expect(greeting.start).toBeCloseTo(1763900000.3502 + 0.6 - FIXTURE_T0, 6)
  })

  test('only e2e_latency left: start = previous user stop + e2e_latency', () => {
    const id = 'item_e82d4b6a1c07'
    const base = historyFixture('session-report.json')
    const history: CallHistory = {
      ...base,
      items: base.items.map((i) =>
        i.id === id && i.type === 'message' ? { ...i, metrics: { e2e_latency: 0.9732 } } : i,
      ),
    }
    const reply = placedStart(history, id)
    expect(reply.basis).toBe('e2e_latency')
    expect(reply.start).toBeCloseTo(1763900011.0452 + 0.9732 - FIXTURE_T0, 6)
  })

  test('a say() message (TTS metrics, no LLM ones) has created_at at its end', () => {
    const base = historyFixture('session-report.json')
    const history: CallHistory = {
      ...base,
      items: base.items.map((i) =>
        i.id === GREETING && i.type === 'message'
          ? { ...i, created_at: 1763900006.27, metrics: { tts_node_ttfb: 0.2 } }
          : i,
      ),
    }
    const greeting = placedStart(history, GREETING)
    expect(greeting.basis).toBe('created_at_end')
    expect(greeting.end).toBeCloseTo(1763900006.27 - FIXTURE_T0, 6)
  })

  test('a realtime reply (provider_request_ids) starts at created_at', () => {
    const base = historyFixture('session-report.json')
    const history: CallHistory = {
      ...base,
      items: base.items.map((i) =>
        i.id === GREETING && i.type === 'message'
          ? { ...i, created_at: 1763900001.1841228, metrics: { provider_request_ids: ['resp_1'] } }
          : i,
      ),
    }
    expect(placedStart(history, GREETING).start).toBeCloseTo(0.976, 3)
  })
})

describe('joining word timings to messages (formats.md §4.6)', () => {
  const strip = (key: 'message_id' | 'anchor_unix') =>
    fixtureText('timed-strings.json').replace(new RegExp(`"${key}": [^,]+,`, 'g'), '')

  test('by anchor_unix when message_id is missing', () => {
    const timings = timingsFixture('t.json', strip('message_id'))
    const timeline = placeCall({ history: historyFixture('session-report.json'), timings })
    expect(timeline.items.find((i) => i.id === GREETING)?.words[0]?.start).toBeCloseTo(1.036, 3)
  })

  test('by text when neither message_id nor anchor_unix is there', () => {
    const text = strip('message_id').replace(/"anchor_unix": [^,]+,/g, '')
    const timeline = placeCall({
      history: historyFixture('session-report.json'),
      timings: timingsFixture('t.json', text),
    })
    const greeting = timeline.items.find((i) => i.id === GREETING)
    expect(greeting?.wordsEstimated).toBe(false)
    expect(greeting?.words[0]?.start).toBeCloseTo(1.036, 3)
  })

  test('STT words without first_audio_at are calibrated against the VAD starts', () => {
    const text = fixtureText('timed-strings.json').replace(
      '"first_audio_at": 1763900000.2084112',
      '"first_audio_at": null',
    )
    const timeline = placeCall({
      history: historyFixture('session-report.json'),
      timings: timingsFixture('t.json', text),
    })
    const user = timeline.items.find((i) => i.id === FIRST_USER)
    expect(user?.words[0]?.start).toBeCloseTo(1763900007.4203 + 0.05 - FIXTURE_T0, 6)
  })

  test('messages without timings get estimated words spread over their span', () => {
    const timeline = placeCall({ history: historyFixture('session-report.json') })
    const greeting = timeline.items.find((i) => i.id === GREETING)
    expect(greeting?.wordsEstimated).toBe(true)
    expect(greeting?.words).toHaveLength(16)
    expect(greeting?.words[0]?.start).toBeCloseTo(greeting?.start ?? NaN, 6)
    expect(greeting?.words.at(-1)?.end).toBeCloseTo(greeting?.end ?? NaN, 6)
  })
})

test('a backchannel seconds before the turn is not part of the VAD turn', () => {
  const id = 'item_9a1e5c3b7f24'
  const report = historyFixture('session-report.json')
  const backchannel = [
    {
      type: 'user_state_changed',
      created_at: 1763900015.2,
      old_state: 'listening',
      new_state: 'speaking',
    },
    {
      type: 'user_state_changed',
      created_at: 1763900015.6,
      old_state: 'speaking',
      new_state: 'listening',
    },
  ]
  const history: CallHistory = {
    ...withoutMetrics(report, [id]),
    events: [...backchannel, ...report.events].sort((a, b) => a.created_at - b.created_at),
  }
  const user = placeCall({ history }).items.find((i) => i.id === id)
  expect(user?.basis).toBe('user_state')
  expect(user?.start).toBeCloseTo(1763900019.9012 - FIXTURE_T0, 6)
})

describe('realtime user turns with only created_at (formats.md §1.4)', () => {
  const USER = 'item_c3f9a0d27e15'
  const REPLY = 'item_e82d4b6a1c07'
  function realtimeHistory(
    sdkVersion: string,
    userCreatedAt: number,
    keepEvents = false,
  ): CallHistory {
    const report = historyFixture('session-report.json')
    return {
      ...report,
      sdkVersion,
      events: keepEvents ? report.events : [],
      items: report.items.map((i) => {
        if (i.type !== 'message') return i
        if (i.id === USER) return { ...i, created_at: userCreatedAt, metrics: {} }
        if (i.role === 'assistant')
          return { ...i, metrics: { ...i.metrics, provider_request_ids: ['resp_1'] } }
        return i
      }),
    }
  }

  test('from 1.6.8 created_at is the turn start', () => {
    const user = placeCall({ history: realtimeHistory('1.7.0', 1763900007.4203) }).items.find(
      (i) => i.id === USER,
    )
    expect(user?.start).toBeCloseTo(1763900007.4203 - FIXTURE_T0, 6)
  })

  test('before 1.6.8 a created_at after the reply is clamped to end before the reply', () => {
    const history = realtimeHistory('1.6.0', 1763900013.5)
    const timeline = placeCall({ history })
    const user = timeline.items.find((i) => i.id === USER)
    const reply = timeline.items.find((i) => i.id === REPLY)
    expect(user?.end).toBeCloseTo(reply?.start ?? NaN, 6)
  })

  test('before 1.6.8 an on-time created_at is not pulled before the previous reply', () => {
    const history = realtimeHistory('1.6.0', 1763900011.3004)
    const user = placeCall({ history }).items.find((i) => i.id === USER)
    expect(user?.end).toBeCloseTo(1763900011.3004 - 0.5 - FIXTURE_T0, 6)
  })

  test('from 1.6.8 the VAD turn is the one that starts at created_at, not the one before', () => {
    const history = realtimeHistory('1.7.0', 1763900007.4203, true)
    const user = placeCall({ history }).items.find((i) => i.id === USER)
    expect(user?.basis).toBe('user_state')
    expect(user?.start).toBeCloseTo(1763900007.4203 - FIXTURE_T0, 6)
    expect(user?.end).toBeCloseTo(1763900011.0452 - FIXTURE_T0, 6)
  })
})
