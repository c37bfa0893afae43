import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { problemText } from '../problems'
import { fixtureJson, fixtureText } from '../test-fixtures'
import { placeCall } from '../place/place-call'
import { dataWarnings } from '../checks'
import { NO_CORRECTIONS } from '../corrections'
import { buildAlignmentExport } from '../export/alignment'
import { toWebVtt } from '../export/captions'
import { CHAT_ITEM_TYPES } from './chat-item-schemas'
import { parseInputText } from './parse-input'

function problemsOf(file: string, text: string) {
  const result = parseInputText(file, text)
  return { result, texts: result.problems.map(problemText) }
}

describe('malformed history files give problems that name the file and the field', () => {
  test('a string where a number belongs: the metric is dropped, the message kept', () => {
    const report = fixtureJson('session-report.json') as {
      chat_history: { items: Record<string, { started_speaking_at?: unknown }>[] }
    }
    const metrics = report.chat_history.items[3]?.metrics
    if (metrics) metrics.started_speaking_at = 'abc'
    const { result, texts } = problemsOf('report.json', JSON.stringify(report))
    expect(texts).toEqual([
      'report.json › chat_history.items[3].metrics.started_speaking_at: expected a number, got string "abc"; ignored',
    ])
    expect(result.ok && result.value.kind === 'history' && result.value.history.items).toHaveLength(
      18,
    )
    expect(result.problems[0]?.severity).toBe('warning')
  })

  test('camelCase files are reported in their own spelling', () => {
    const history = fixtureJson('agents-js-history.json') as {
      items: { metrics?: Record<string, unknown> }[]
    }
    const metrics = history.items[2]?.metrics
    if (metrics) metrics.startedSpeakingAt = true
    const { texts } = problemsOf('js.json', JSON.stringify(history))
    expect(texts).toEqual([
      'js.json › items[2].metrics.startedSpeakingAt: expected a number, got boolean true; ignored',
    ])
  })

  test('a message without a role is skipped with an error, the rest survives', () => {
    const history = fixtureJson('history-with-timestamps.json') as {
      items: Record<string, unknown>[]
    }
    delete history.items[2]?.role
    const { result, texts } = problemsOf('h.json', JSON.stringify(history))
    expect(texts[0]).toMatch(
      /^h\.json › items\[2\]\.role: expected one of "user", "assistant".*item skipped$/,
    )
    expect(result.ok && result.value.kind === 'history' && result.value.history.items).toHaveLength(
      17,
    )
  })

  test('relative seconds where an epoch belongs are called out as wrong units', () => {
    const history = fixtureJson('history-with-timestamps.json') as {
      items: Record<string, unknown>[]
    }
    if (history.items[2]) history.items[2].created_at = 0.35
    const { texts } = problemsOf('h.json', JSON.stringify(history))
    expect(texts).toEqual([
      'h.json › items[2].created_at: expected an epoch time (seconds, ms or ns since 1970), got number 0.35; ignored',
    ])
  })

  test('epochs in the wrong unit for the producer are normalized by magnitude', () => {
    const text = fixtureText('history-with-timestamps.json').replace(
      '"created_at": 1763900000.3502',
      '"created_at": 1763900000350',
    )
    const { result } = problemsOf('h.json', text)
    expect(
      result.ok && result.value.kind === 'history' && result.value.history.items[2]?.created_at,
    ).toBeCloseTo(1763900000.35, 6)
  })

  test('a truncated file is not valid JSON', () => {
    const text = fixtureText('session-report.json').slice(0, 5000)
    const { result, texts } = problemsOf('cut.json', text)
    expect(result.ok).toBe(false)
    expect(texts[0]).toMatch(/^cut\.json: not valid JSON/)
  })

  test('a share or sign-in page served for the file is named as a web page', () => {
    const page =
      '\n<!DOCTYPE html><html><head><title>Sign in - Google Accounts</title></head></html>'
    const { result, texts } = problemsOf('history.json', page)
    expect(result.ok).toBe(false)
    expect(texts[0]).toMatch(
      /^history\.json: a web page \(HTML\), not the file: the link may be a share/,
    )
    expect(problemsOf('h.json', '<note>not json</note>').texts[0]).toMatch(/not valid JSON/)
  })

  test('items that is not an array', () => {
    const { result, texts } = problemsOf('h.json', '{"items": {"a": 1}}')
    expect(result.ok).toBe(false)
    expect(texts).toEqual(['h.json › items: expected an array, got an object'])
  })

  test('a report whose chat_history has no items array', () => {
    const { result, texts } = problemsOf('r.json', '{"chat_history": {}, "events": []}')
    expect(result.ok).toBe(false)
    expect(texts).toEqual(['r.json › chat_history.items: missing: expected an array'])
  })

  test('a bad report field is dropped with a warning; the anchor then becomes a guess', () => {
    const report = fixtureJson('session-report.json')
    report.audio_recording_started_at = 0
    report.room = 42
    const { result, texts } = problemsOf('r.json', JSON.stringify(report))
    expect(texts).toEqual([
      'r.json › room: expected a string, got number 42; ignored',
      'r.json › audio_recording_started_at: expected an epoch time (seconds, ms or ns since 1970), got number 0; ignored',
    ])
    if (!result.ok || result.value.kind !== 'history') throw new Error('not parsed')
    expect(result.value.history.recordingStartedAt).toBeUndefined()
    expect(placeCall({ history: result.value.history }).anchor.estimated).toBe(true)
  })

  test('an empty history is a valid model with a warning', () => {
    const { result, texts } = problemsOf('h.json', '{"items": []}')
    expect(result.ok).toBe(true)
    expect(texts).toEqual(['h.json › items: the history has no items to place'])
  })

  test('something that is not a LiveKit file at all', () => {
    const { result, texts } = problemsOf('pkg.json', '{"name": "x", "version": "1"}')
    expect(result.ok).toBe(false)
    expect(texts[0]).toMatch(/^pkg\.json: expected a LiveKit chat history/)
  })

  test('a history offered where word timings were expected', () => {
    const result = parseInputText('h.json', fixtureText('history-with-timestamps.json'), 'timings')
    expect(result.problems.map(problemText)).toEqual([
      'h.json: expected word timings, got a chat history or session report',
    ])
  })

  test('an egress info without any file start cannot anchor the file', () => {
    const info = fixtureJson('egress-info.json')
    delete info.fileResults
    delete info.file
    const { result, texts } = problemsOf('e.json', JSON.stringify(info))
    expect(result.ok).toBe(false)
    expect(texts[0]).toMatch(/^e\.json › fileResults\[0\]\.startedAt: expected the file start time/)
  })

  test('unknown item types and duplicate ids are skipped with warnings', () => {
    const history = fixtureJson('history-with-timestamps.json') as { items: unknown[] }
    history.items.push({ id: 'x', type: 'future_thing' }, history.items[2])
    const { texts } = problemsOf('h.json', JSON.stringify(history))
    expect(texts).toEqual([
      'h.json › items[18].type: unknown item type "future_thing"; skipped',
      'h.json › items[19]: duplicate id "item_b7e41c09a2f6"; skipped',
    ])
  })

  test('a bad word timing is located in the capture file, in its own key spelling', () => {
    const snake = fixtureText('timed-strings.json').replace(
      '"start_time": 0.36',
      '"start_time": "0.36"',
    )
    expect(problemsOf('t.json', snake).texts).toEqual([
      't.json › segments[0].words[1].start_time: expected a number, got string "0.36"',
    ])
    const camel = snake
      .replaceAll('"start_time"', '"startTime"')
      .replaceAll('"end_time"', '"endTime"')
    expect(problemsOf('t.json', camel).texts).toEqual([
      't.json › segments[0].words[1].startTime: expected a number, got string "0.36"',
    ])
  })

  test('a 10,000-message history parses and places', () => {
    const items = Array.from({ length: 10_000 }, (_, i) => ({
      id: `item_${i.toString(16).padStart(12, '0')}`,
      type: 'message',
      role: i % 2 === 0 ? 'user' : 'assistant',
      content: [`message number ${i}`],
      interrupted: false,
      extra: {},
      metrics: {
        started_speaking_at: 1763900000 + i * 2,
        stopped_speaking_at: 1763900001.5 + i * 2,
      },
      created_at: 1763900001.6 + i * 2,
    }))
    const result = parseInputText('big.json', JSON.stringify({ items }))
    if (!result.ok || result.value.kind !== 'history') throw new Error('not parsed')
    expect(result.value.history.items).toHaveLength(10_000)
    const timeline = placeCall({ history: result.value.history })
    expect(timeline.items).toHaveLength(10_000)
  })
})

// Hundreds of generated files each: far more work than a unit test, so more time than the default.
const PROPERTY_TIMEOUT_MS = 60_000

describe('property: no input makes the parser throw', () => {
  const fixtures = [
    'session-report.json',
    'agents-js-history.json',
    'timed-strings.json',
    'egress-info.json',
  ]

  test(
    'arbitrary JSON values give a model or located problems',
    () => {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => {
          const result = parseInputText('any.json', JSON.stringify(value))
          if (!result.ok) expect(result.problems.length).toBeGreaterThan(0)
          for (const p of result.problems) expect(p.file).toBe('any.json')
        }),
        { numRuns: 300 },
      )
    },
    PROPERTY_TIMEOUT_MS,
  )

  test(
    'fixtures with one value replaced anywhere still parse or fail cleanly, and place',
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...fixtures),
          fc.nat(),
          fc.oneof(fc.jsonValue(), fc.constant(undefined)),
          (name, pick, replacement) => {
            const value = fixtureJson(name)
            mutateAt(value, pick, replacement)
            const result = parseInputText(name, JSON.stringify(value))
            if (result.ok && result.value.kind === 'history')
              placeCall({ history: result.value.history })
            if (!result.ok)
              expect(result.problems.every((p) => p.file === name && p.message !== '')).toBe(true)
          },
        ),
        { numRuns: 300 },
      )
    },
    PROPERTY_TIMEOUT_MS,
  )
})

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.constant(undefined), fc.jsonValue())
const epochish = fc.oneof(
  fc.double({ min: 1.7e9, max: 1.8e9, noNaN: true }),
  fc.integer({ min: 1.7e12, max: 1.8e12 }),
  fc.double(),
  fc.string(),
)
const chatItemish = fc.record(
  {
    id: maybe(fc.string({ minLength: 1 })),
    type: maybe(fc.constantFrom(...CHAT_ITEM_TYPES, 'future_thing')),
    role: maybe(fc.constantFrom('user', 'assistant', 'system', 'robot')),
    content: maybe(fc.array(fc.string())),
    interrupted: maybe(fc.boolean()),
    created_at: maybe(epochish),
    call_id: maybe(fc.string()),
    name: maybe(fc.string()),
    new_agent_id: maybe(fc.string()),
    metrics: maybe(
      fc.record(
        {
          started_speaking_at: maybe(epochish),
          stopped_speaking_at: maybe(epochish),
          e2e_latency: maybe(fc.double()),
          end_of_turn_delay: maybe(fc.double()),
          tts_node_ttfb: maybe(fc.double()),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
)
const historyish = fc.oneof(
  fc.record({ items: fc.array(chatItemish, { maxLength: 12 }) }),
  fc.record({
    chat_history: fc.record({ items: fc.array(chatItemish, { maxLength: 12 }) }),
    audio_recording_started_at: maybe(epochish),
    events: maybe(
      fc.array(
        fc.record({
          type: fc.constantFrom('user_state_changed', 'speech_created'),
          created_at: epochish,
          new_state: fc.constantFrom('speaking', 'listening'),
        }),
      ),
    ),
    sdk_version: maybe(fc.constantFrom('1.7.0', '1.4.2', 'x')),
  }),
)

describe('property: history-shaped garbage never escapes as an exception', () => {
  test(
    'every history-like input parses to a model (that places, checks and exports) or to problems',
    () => {
      fc.assert(
        fc.property(historyish, (value) => {
          const result = parseInputText('h.json', JSON.stringify(value))
          if (!result.ok) {
            expect(result.problems.some((p) => p.severity === 'error')).toBe(true)
            return
          }
          if (result.value.kind !== 'history') return
          const { history } = result.value
          const timeline = placeCall({ history })
          dataWarnings(history, timeline, undefined, 60)
          toWebVtt(timeline)
          const exported = buildAlignmentExport(timeline, NO_CORRECTIONS, { file: 'a.ogg' })
          for (const item of exported.items) expect(Number.isFinite(item.start_s)).toBe(true)
        }),
        { numRuns: 500 },
      )
    },
    PROPERTY_TIMEOUT_MS,
  )
})

/** Replaces (or deletes, for undefined) the pick-th node of a depth-first walk. */
function mutateAt(root: unknown, pick: number, replacement: unknown) {
  const slots: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = []
  const walk = (node: unknown) => {
    if (Array.isArray(node))
      node.forEach((child, i) => (slots.push({ parent: node, key: i }), walk(child)))
    else if (node !== null && typeof node === 'object')
      for (const [key, child] of Object.entries(node)) {
        slots.push({ parent: node as Record<string, unknown>, key })
        walk(child)
      }
  }
  walk(root)
  const slot = slots[pick % slots.length]
  if (!slot) return
  if (Array.isArray(slot.parent)) slot.parent[slot.key as number] = replacement
  else if (replacement === undefined) delete slot.parent[slot.key as string]
  else slot.parent[slot.key as string] = replacement
}
