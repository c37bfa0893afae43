import { describe, expect, test } from 'vitest'
import { EGRESS_FILE_T0, EGRESS_REQUEST_T0, fixtureText } from '../test-fixtures'
import { parseInputText } from './parse-input'

const HISTORY_FIXTURES = [
  ['history-with-timestamps.json', 'python_history', 'python'],
  ['history-no-timestamps.json', 'python_history', 'python'],
  ['session-report.json', 'python_report', 'python'],
  ['agents-js-history.json', 'node_history', 'node'],
  ['agents-js-session-report.json', 'node_report', 'node'],
] as const

describe('every fixture format is detected and parsed', () => {
  test.each(HISTORY_FIXTURES)('%s is a %s from the %s SDK', (name, format, sdk) => {
    const result = parseInputText(name, fixtureText(name))
    expect(result.ok && result.value.kind).toBe('history')
    if (!result.ok || result.value.kind !== 'history') return
    expect(result.problems).toEqual([])
    expect(result.value.history.format).toBe(format)
    expect(result.value.history.sdk).toBe(sdk)
    expect(result.value.history.items).toHaveLength(18)
  })

  test('all five item types survive, with unknown fields kept', () => {
    const result = parseInputText('h.json', fixtureText('history-with-timestamps.json'))
    if (!result.ok || result.value.kind !== 'history') throw new Error('not parsed')
    const types = new Set(result.value.history.items.map((i) => i.type))
    expect([...types].sort()).toEqual(
      [
        'agent_config_update',
        'agent_handoff',
        'function_call',
        'function_call_output',
        'message',
      ].sort(),
    )
    const greeting = result.value.history.items[2]
    expect(greeting?.type === 'message' && greeting.metrics).toMatchObject({
      llm_metadata: { model_name: 'gpt-4.1-mini' },
    })
  })

  test('Node epochs in ms become seconds; metrics stay seconds', () => {
    const result = parseInputText('r.json', fixtureText('agents-js-session-report.json'))
    if (!result.ok || result.value.kind !== 'history') throw new Error('not parsed')
    const { history } = result.value
    expect(history.recordingStartedAt).toBeCloseTo(1763900000.208, 6)
    expect(history.reportTimestamp).toBeCloseTo(1763900063.912, 6)
    const call = history.items.find((i) => i.type === 'function_call')
    expect(call?.created_at).toBeCloseTo(1763900023.052, 6)
    expect(call?.type === 'function_call' && call.arguments).toBe('{"zip_code": "94110"}')
  })

  test('Node camelCase toJSON maps args → arguments and callId → call_id', () => {
    const result = parseInputText('h.json', fixtureText('agents-js-history.json'))
    if (!result.ok || result.value.kind !== 'history') throw new Error('not parsed')
    const call = result.value.history.items.find((i) => i.type === 'function_call')
    expect(call).toMatchObject({
      call_id: 'call_Q3mT8vX2kPz9Lr4Wn6Yb1Hs',
      arguments: '{"zip_code": "94110"}',
    })
  })

  test('the older Node report (snake_case outside, camelCase inside) parses as node_report_legacy', () => {
    const report = JSON.parse(fixtureText('agents-js-session-report.json')) as Record<
      string,
      unknown
    >
    const camelHistory = JSON.parse(fixtureText('agents-js-history.json')) as unknown
    const legacy: Record<string, unknown> = {
      ...report,
      chat_history: camelHistory,
      events: [
        {
          type: 'user_state_changed',
          oldState: 'listening',
          newState: 'speaking',
          createdAt: 1763900007621,
        },
      ],
    }
    delete legacy.audio_recording_started_at
    delete legacy.audio_recording_path
    const result = parseInputText('old.json', JSON.stringify(legacy))
    if (!result.ok || result.value.kind !== 'history') throw new Error('not parsed')
    expect(result.value.history.format).toBe('node_report_legacy')
    expect(result.value.history.events[0]).toMatchObject({
      new_state: 'speaking',
      created_at: 1763900007.621,
    })
  })

  test('report events are kept in order, session_usage_updated dropped', () => {
    const result = parseInputText('r.json', fixtureText('session-report.json'))
    if (!result.ok || result.value.kind !== 'history') throw new Error('not parsed')
    expect(result.value.history.events).toHaveLength(70)
    expect(result.value.history.events.some((e) => e.type === 'session_usage_updated')).toBe(false)
  })
})

describe('word timings', () => {
  test('the capture file has 8 segments; camelCase word keys read the same', () => {
    const snake = parseInputText('t.json', fixtureText('timed-strings.json'))
    const camelText = fixtureText('timed-strings.json')
      .replaceAll('"start_time"', '"startTime"')
      .replaceAll('"end_time"', '"endTime"')
      .replaceAll('"start_time_offset"', '"startTimeOffset"')
    const camel = parseInputText('t.json', camelText)
    if (!snake.ok || !camel.ok) throw new Error('not parsed')
    expect(snake.value).toEqual(camel.value)
    if (snake.value.kind !== 'timings') throw new Error('not timings')
    expect(snake.value.timings.segments).toHaveLength(8)
    expect(snake.value.timings.segments[1]).toMatchObject({
      timeBase: 'stt_stream',
      firstAudioAt: 1763900000.2084112,
    })
  })

  test('lk.transcription NDJSON lines split into segments where end_time goes back', () => {
    const ndjson = [
      '{"text": "Okay ", "end_time": 0.412}',
      '{"text": "sure.", "end_time": 0.801}',
      '{"text": "Next ", "end_time": 0.3}',
      '{"text": "one.", "end_time": 0.7}',
    ].join('\n')
    const result = parseInputText('stream.ndjson', ndjson)
    if (!result.ok || result.value.kind !== 'timings') throw new Error('not parsed')
    const { segments } = result.value.timings
    expect(segments.map((s) => s.words.map((w) => w.text.trim()))).toEqual([
      ['Okay', 'sure.'],
      ['Next', 'one.'],
    ])
    expect(segments[0]?.timeBase).toBe('segment_wallclock')
  })
})

describe('Egress info', () => {
  test.each([
    'egress-info.json',
    'egress-info.snake_case.json',
    'egress-webhook-egress_ended.json',
  ])('%s gives the file start, not the request time', (name) => {
    const result = parseInputText(name, fixtureText(name))
    if (!result.ok || result.value.kind !== 'egress') throw new Error('not parsed')
    expect(result.value.egress.fileStartedAt).toBeCloseTo(EGRESS_FILE_T0, 6)
    expect(result.value.egress.egressStartedAt).toBeCloseTo(EGRESS_REQUEST_T0, 6)
    expect(result.value.egress.fileDuration).toBeCloseTo(63.760412634, 9)
    expect(result.value.egress.audioMixing).toBe('DUAL_CHANNEL_AGENT')
  })

  test('int64 nanosecond strings keep sub-microsecond precision', () => {
    const result = parseInputText('e.json', fixtureText('egress-info.json'))
    if (!result.ok || result.value.kind !== 'egress') throw new Error('not parsed')
    expect(Math.abs((result.value.egress.fileStartedAt ?? 0) - EGRESS_FILE_T0)).toBeLessThan(1e-6)
  })

  test('the deprecated `file` is the fallback when fileResults is missing', () => {
    const info = JSON.parse(fixtureText('egress-info.json')) as Record<string, unknown>
    delete info.fileResults
    const result = parseInputText('e.json', JSON.stringify(info))
    expect(
      result.ok && result.value.kind === 'egress' && result.value.egress.fileStartedAt,
    ).toBeCloseTo(1763900000.6523, 4)
  })
})
