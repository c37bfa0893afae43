import { describe, expect, test } from 'vitest'
import type { CallHistory, WordTimings } from './call'
import { toEpochSeconds } from './epoch'
import { parseInputText } from './parse/parse-input'
import { placeCall } from './place/place-call'
import { buildPlaybackIndex } from './playback-index'
import { problemText } from './problems'
import {
  FIXTURE_T0,
  fixtureJson,
  fixtureText,
  historyFixture,
  timingsFixture,
} from './test-fixtures'

const INTERRUPTED = 'item_f41a6c2e9d38'

describe('edge cases of the formats', () => {
  test('a default Node toJSON history (no createdAt, camelCase only inside metrics) keeps its metrics', () => {
    const history = fixtureJson('agents-js-history.json') as { items: Record<string, unknown>[] }
    const items = history.items
      .filter((i) => i.type === 'message' && i.transcriptConfidence === undefined)
      .map((item) => {
        const copy = { ...item }
        delete copy.createdAt
        return copy
      })
    const result = parseInputText('h.json', JSON.stringify({ items }))
    if (!result.ok || result.value.kind !== 'history') throw new Error('not parsed')
    expect(result.value.history.format).toBe('node_history')
    const greeting = result.value.history.items[0]
    expect(greeting?.type === 'message' && greeting.metrics.started_speaking_at).toBeCloseTo(
      1763900001.184,
      6,
    )
  })

  test('camelCase word keys are found even when the first segment has no words', () => {
    const raw = fixtureJson('timed-strings.json') as { segments: Record<string, unknown>[] }
    raw.segments.unshift({ role: 'assistant', time_base: 'segment_audio', words: [] })
    const text = JSON.stringify(raw)
      .replaceAll('"start_time"', '"startTime"')
      .replaceAll('"end_time"', '"endTime"')
    const timings = timingsFixture('t.json', text)
    expect(timings.segments[1]?.words[0]).toMatchObject({
      text: 'Hi,',
      start_time: 0.06,
      end_time: 0.24,
    })
  })

  test('a list that is not a history (ListEgress {"items": [EgressInfo…]}) is refused', () => {
    const egress = fixtureJson('egress-info.json')
    const result = parseInputText('list.json', JSON.stringify({ items: [egress] }))
    expect(result.ok).toBe(false)
    expect(result.problems.map(problemText)[0]).toBe(
      'list.json › items: none of the 1 items is a chat item (message, function_call, …)',
    )
  })

  test('an Egress fileResults entry without startedAt falls back to the deprecated file', () => {
    const info = fixtureJson('egress-info.json') as { fileResults: Record<string, unknown>[] }
    delete info.fileResults[0]?.startedAt
    const result = parseInputText('e.json', JSON.stringify(info))
    expect(
      result.ok && result.value.kind === 'egress' && result.value.egress.fileStartedAt,
    ).toBeCloseTo(1763900000.6523, 4)
  })

  test('absurd epochs are not epochs', () => {
    expect(toEpochSeconds(1e25)).toBeUndefined()
    expect(toEpochSeconds('1763900000123456789')).toBeCloseTo(1763900000.123, 3)
  })

  test('a single lk.transcription line is a one-word stream', () => {
    const result = parseInputText('one.ndjson', '{"text": "Okay ", "end_time": 0.412}')
    expect(result.ok && result.value.kind).toBe('timings')
  })
})

describe('placement edge cases', () => {
  const report = historyFixture('session-report.json')

  test('a reply after other agent speech (tool-reply step) has no invented latency', () => {
    const timeline = placeCall({ history: report })
    expect(timeline.items.find((i) => i.id === INTERRUPTED)?.latency).toBeUndefined()
  })

  test('stopped before started: the metrics are dropped and the next source places the turn', () => {
    const id = 'item_9a1e5c3b7f24'
    const history: CallHistory = {
      ...report,
      items: report.items.map((i) =>
        i.id === id && i.type === 'message'
          ? { ...i, metrics: { ...i.metrics, stopped_speaking_at: 1763900019 } }
          : i,
      ),
    }
    const user = placeCall({ history }).items.find((i) => i.id === id)
    expect(user?.basis).toBe('user_state')
    expect(user?.start).toBeCloseTo(1763900019.9012 - FIXTURE_T0, 6)
  })

  test('unplayed words of an interrupted reply never take the highlight', () => {
    const timeline = placeCall({ history: report, timings: timingsFixture() })
    const index = buildPlaybackIndex(timeline)
    const cut = timeline.items.findIndex((i) => i.id === INTERRUPTED)
    const heard = timeline.items[cut]?.words.filter((w) => w.heard).length ?? 0
    const { words } = index
    const group = words.order[Array.from(words.items).indexOf(cut)] ?? -1
    expect(words.words.groupCount[group]).toBe(heard)
  })

  test('segment k > 0 is anchored after segment k−1 and limited by the stop, not by segment 0', () => {
    const started = 1763900026.2106
    const stopped = started + 4
    const history: CallHistory = {
      ...report,
      items: report.items.map((i) =>
        i.id === INTERRUPTED && i.type === 'message'
          ? { ...i, metrics: { started_speaking_at: started, stopped_speaking_at: stopped } }
          : i,
      ),
    }
    const word = (text: string, start_time: number) => ({
      text,
      start_time,
      end_time: start_time + 0.3,
    })
    const timings: WordTimings = {
      file: 't.json',
      segments: [
        {
          role: 'assistant',
          timeBase: 'segment_audio',
          messageId: INTERRUPTED,
          segmentIndex: 0,
          interrupted: false,
          playedDuration: 3,
          words: [word('one', 0.1), word('two', 1)],
        },
        {
          role: 'assistant',
          timeBase: 'segment_audio',
          messageId: INTERRUPTED,
          segmentIndex: 1,
          interrupted: true,
          words: [word('three', 0.1), word('four', 0.5), word('five', 1.5)],
        },
      ],
    }
    const words =
      placeCall({ history, timings }).items.find((i) => i.id === INTERRUPTED)?.words ?? []
    expect(words.map((w) => w.text)).toEqual(['one', 'two', 'three', 'four', 'five'])
    expect(words[2]?.start).toBeCloseTo(started + 3 + 0.1 - FIXTURE_T0, 6)
    expect(words.map((w) => w.heard)).toEqual([true, true, true, true, false])
  })

  test('calibrated STT words rank below VAD events for a user turn without metrics', () => {
    const id = 'item_c3f9a0d27e15'
    const history: CallHistory = {
      ...report,
      items: report.items.map((i) =>
        i.id === id && i.type === 'message' ? { ...i, metrics: {} } : i,
      ),
    }
    const text = fixtureText('timed-strings.json').replace(
      '"first_audio_at": 1763900000.2084112',
      '"first_audio_at": null',
    )
    const user = placeCall({ history, timings: timingsFixture('t.json', text) }).items.find(
      (i) => i.id === id,
    )
    expect(user?.basis).toBe('user_state')
    expect(user?.start).toBeCloseTo(1763900007.4203 - FIXTURE_T0, 6)
  })
})
