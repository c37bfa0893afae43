import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import type { CallHistory } from '../call'
import { placeCall } from '../place/place-call'
import { callMismatches } from '../same-call'
import { CORPUS } from '../../../e2e/corpus/corpus'
import { parseInputText } from './parse-input'

const corpusText = (name: string) =>
  readFileSync(new URL(`../../../e2e/corpus/${name}`, import.meta.url), 'utf8')

function history(name: string): CallHistory {
  const parsed = parseInputText(name, corpusText(name))
  if (!parsed.ok || parsed.value.kind !== 'history') throw new Error(`${name} is not a history`)
  return parsed.value.history
}

describe('the real-shaped corpus', () => {
  test.each(CORPUS)('$file: $summary', (sample) => {
    const result = parseInputText(sample.file, corpusText(sample.file))
    expect(result.ok).toBe(sample.opens)
    if (result.ok) expect(result.value.kind).toBe(sample.kind)
    const messages = result.problems.map((p) => `${p.path}: ${p.message}`).join('\n')
    for (const expected of sample.says) expect(messages).toContain(expected)
    for (const absent of sample.neverSays ?? []) expect(messages).not.toContain(absent)
    if (result.ok && result.value.kind === 'history' && sample.sdk)
      expect(result.value.history.sdk).toBe(sample.sdk)
  })

  test('a guessed recording start never places a message before 0', () => {
    const timeline = placeCall({ history: history('history-created-at-only.json') })
    expect(timeline.anchor.t0Source).toBe('earliest_timestamp')
    for (const item of timeline.items) expect(item.start).toBeGreaterThanOrEqual(0)
  })

  test('objects nested 100,000 deep are refused with a sentence, not a stack overflow', () => {
    const deep = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)
    const text = `{"items":[{"id":"x","type":"message","role":"user","content":["hi"],"createdAt":1764000008857,"extraData":${deep}}]}`
    const result = parseInputText('deep.json', text)
    expect(result.ok).toBe(false)
    expect(result.problems[0]?.message).toMatch(/too deeply nested/)
  })

  test('an Egress file 457 days away from the history is another call', () => {
    const report = history('wrapped-report.json')
    const egress = parseInputText('e.json', corpusText('egress-457-days-away.json'))
    if (!egress.ok || egress.value.kind !== 'egress') throw new Error('not egress')
    const timeline = placeCall({ history: report, egress: egress.value.egress })
    expect(callMismatches(report, timeline, egress.value.egress, undefined)).toEqual([
      {
        input: 'egress',
        file: 'e.json',
        reason: 'the Egress file started 457 days before the history',
      },
    ])
  })

  test('a recording most messages fall after is another call', () => {
    const report = history('wrapped-report.json')
    const timeline = placeCall({ history: report })
    const short = { name: 'other.ogg', duration: 8 }
    expect(callMismatches(report, timeline, undefined, short)[0]?.reason).toMatch(
      /of \d+ messages fall after the end of the 8\.0 s recording/,
    )
    expect(callMismatches(report, timeline, undefined, { name: 'a.ogg', duration: 68 })).toEqual([])
  })
})
