import { describe, expect, test } from 'vitest'
import {
  EGRESS_FILE_T0,
  egressFixture,
  FIXTURE_T0,
  historyFixture,
  timingsFixture,
} from '../test-fixtures'
import type { PlacedItem, Timeline } from '../timeline'
import { messageFacts, placeCall } from './place-call'

const GREETING = 'item_b7e41c09a2f6'
const FIRST_USER = 'item_c3f9a0d27e15'
const INTERRUPTED = 'item_f41a6c2e9d38'
const BARGE_IN = 'item_1d8c4a7f3e52'

function item(timeline: Timeline, id: string): PlacedItem {
  const found = timeline.items.find((i) => i.id === id)
  if (!found) throw new Error(`no item ${id}`)
  return found
}

const report = () => historyFixture('session-report.json')

describe('worked examples of formats.md §9.2', () => {
  test('the greeting starts 0.976 s into audio.ogg', () => {
    const timeline = placeCall({ history: report() })
    expect(timeline.anchor).toMatchObject({
      kind: 'agent_ogg',
      t0Source: 'audio_recording_started_at',
    })
    expect(item(timeline, GREETING).start).toBeCloseTo(0.976, 3)
    expect(item(timeline, GREETING).basis).toBe('metrics')
  })

  test('the greeting starts 0.632 s into the Egress file (agent bias +0.10 s)', () => {
    for (const name of [
      'egress-info.json',
      'egress-info.snake_case.json',
      'egress-webhook-egress_ended.json',
    ]) {
      const timeline = placeCall({ history: report(), egress: egressFixture(name) })
      expect(timeline.anchor).toMatchObject({ kind: 'egress', t0Source: 'egress_file_started_at' })
      expect(item(timeline, GREETING).start).toBeCloseTo(0.632, 3)
    }
  })

  test('user speech gets no agent bias in the Egress file', () => {
    const timeline = placeCall({ history: report(), egress: egressFixture('egress-info.json') })
    expect(item(timeline, FIRST_USER).start).toBeCloseTo(1763900007.4203 - EGRESS_FILE_T0, 6)
  })

  test('the first TTS word "Hi," lands at 1.036 s', () => {
    const timeline = placeCall({ history: report(), timings: timingsFixture() })
    const first = item(timeline, GREETING).words[0]
    expect(first).toMatchObject({ text: 'Hi,', heard: true })
    expect(first?.start).toBeCloseTo(1.036, 3)
    expect(item(timeline, GREETING).wordsEstimated).toBe(false)
  })

  // formats.md rounds down: first_audio_at + 7.306 − 0.0335 − t0 = 7.2725 s.
  test('the first STT word lands at 7.272 s, 61 ms after the VAD start', () => {
    const timeline = placeCall({ history: report(), timings: timingsFixture() })
    const user = item(timeline, FIRST_USER)
    expect(user.words[0]?.text).toBe('Yeah,')
    expect(user.words[0]?.start).toBeCloseTo(7.2725, 4)
    expect((user.words[0]?.start ?? 0) - user.start).toBeCloseTo(0.0606, 4)
  })
})

describe('interruptions and ordering', () => {
  const timeline = placeCall({ history: report(), timings: timingsFixture() })

  test('the interrupted reply ends at stopped_speaking_at and its unplayed words are not heard', () => {
    const cut = item(timeline, INTERRUPTED)
    expect(cut.interrupted).toBe(true)
    expect(cut.end).toBeCloseTo(1763900033.3102 - FIXTURE_T0, 6)
    const unheard = cut.words.filter((w) => !w.heard)
    expect(unheard.length).toBeGreaterThan(0)
    const limit = 1763900026.2106 + 7.0996 - FIXTURE_T0
    for (const w of cut.words) expect(w.heard).toBe(w.start < limit)
  })

  test('the barge-in user turn starts inside the interrupted reply and sorts by its start', () => {
    const bargeIn = item(timeline, BARGE_IN)
    const cut = item(timeline, INTERRUPTED)
    expect(bargeIn.start).toBeGreaterThan(cut.start)
    expect(bargeIn.start).toBeLessThan(cut.end ?? 0)
    const starts = timeline.items.map((i) => i.start)
    expect(starts).toEqual([...starts].sort((a, b) => a - b))
  })

  test('tool calls are point markers at created_at, paired with their outputs', () => {
    const call = item(timeline, 'item_2c7f9e4a0b61/fnc_0')
    const output = item(timeline, 'item_7b3d1f8e2a90')
    expect(call).toMatchObject({
      lane: 'marker',
      end: null,
      basis: 'created_at',
      name: 'check_outage',
    })
    expect(call.start).toBeCloseTo(1763900023.0517 - FIXTURE_T0, 6)
    expect(output.callId).toBe(call.callId)
  })

  test('reply latency comes from e2e_latency, including the tool-only step (2.46 s)', () => {
    expect(item(timeline, 'item_8d1c5a3f7e60').latency).toBeCloseTo(2.4608, 4)
  })
})

describe('the same call from other producers lands in the same places', () => {
  function startsById(timeline: Timeline): Map<string, number> {
    return new Map(timeline.items.map((i) => [i.id, i.start]))
  }

  test('Node report (ms epochs) matches the Python report within 1 ms', () => {
    const python = startsById(placeCall({ history: report() }))
    const node = startsById(placeCall({ history: historyFixture('agents-js-session-report.json') }))
    expect(node.size).toBe(python.size)
    for (const [id, start] of python)
      expect(Math.abs((node.get(id) ?? NaN) - start)).toBeLessThan(0.001)
  })

  test('Node toJSON history matches the Python history within 1 ms', () => {
    const python = startsById(
      placeCall({ history: historyFixture('history-with-timestamps.json') }),
    )
    const node = startsById(placeCall({ history: historyFixture('agents-js-history.json') }))
    for (const [id, start] of python)
      expect(Math.abs((node.get(id) ?? NaN) - start)).toBeLessThan(0.001)
  })

  test('a bare history is anchored from the first user speech onset found in the audio', () => {
    const onset = 1763900007.4203 - FIXTURE_T0
    const timeline = placeCall({
      history: historyFixture('history-with-timestamps.json'),
      audio: { firstUserOnset: onset },
    })
    expect(timeline.anchor).toMatchObject({ t0Source: 'first_user_speech', estimated: true })
    expect(item(timeline, GREETING).start).toBeCloseTo(0.976, 3)
  })

  test('a bare history with no onset falls back to the earliest timestamp − 1 s', () => {
    const timeline = placeCall({ history: historyFixture('history-with-timestamps.json') })
    expect(timeline.anchor).toMatchObject({
      t0Source: 'earliest_timestamp',
      t0Unix: 1763900000.0123 - 1,
    })
  })

  test('the history without created_at places messages by metrics and markers after their owner', () => {
    const onset = 1763900007.4203 - FIXTURE_T0
    const timeline = placeCall({
      history: historyFixture('history-no-timestamps.json'),
      audio: { firstUserOnset: onset },
    })
    expect(item(timeline, GREETING).start).toBeCloseTo(0.976, 3)
    const call = item(timeline, 'item_2c7f9e4a0b61/fnc_0')
    expect(call.basis).toBe('estimate')
    expect(call.start).toBeCloseTo(item(timeline, 'item_2c7f9e4a0b61').end ?? NaN, 6)
    expect(item(timeline, 'item_7b3d1f8e2a90').start).toBeCloseTo(call.start, 6)
  })
})

test('the recording arriving places the call again from the same message facts', () => {
  const history = report()
  const timings = timingsFixture()
  const facts = messageFacts(history, timings)
  expect(messageFacts(history, timings)).toBe(facts)
  expect(messageFacts(history)).not.toBe(facts)
  messageFacts(history, timings)
  const audio = { duration: 120, channels: 2 }
  const again = placeCall({ history, timings, audio })
  const fresh = placeCall({ history: report(), timings, audio })
  expect(again.items.map((i) => [i.id, i.start, i.end])).toEqual(
    fresh.items.map((i) => [i.id, i.start, i.end]),
  )
})
