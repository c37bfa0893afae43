import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { placeCall } from '../place/place-call'
import { historyFixture } from '../test-fixtures'
import { cueId, cueText, toSrt, toWebVtt } from './captions'
import { csvField } from './csv'

describe('CSV cells from the history cannot become formulas', () => {
  test.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['plain', 'plain'],
  ])('%j → %j', (input, expected) => {
    expect(csvField(input)).toBe(expected)
  })

  test('numbers we write stay numbers, negative included', () => {
    expect(csvField(-0.25)).toBe('-0.25')
  })

  test('no string cell ever starts with a formula character', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const cell = csvField(text).replace(/^"/, '')
        expect(cell).not.toMatch(/^[=+\-@\t\r]/)
      }),
    )
  })
})

describe('captions survive any text and id', () => {
  const timeline = placeCall({ history: historyFixture('session-report.json') })
  const hostile = (text: string, id: string) => ({
    ...timeline,
    items: timeline.items.map((item) => (item.lane === 'marker' ? item : { ...item, text, id })),
  })

  test('every line-break form and --> are normalised', () => {
    expect(cueText('a\r\n\r\nb\r\rc\u2028\u2029d --> e')).toBe('a\nb\nc\nd → e')
    expect(cueId('id\r\n--> x\ny')).toBe('id → x y')
  })

  test('each cue keeps exactly one timing line whatever the text and id hold', () => {
    const spoken = timeline.items.filter((i) => i.lane !== 'marker' && i.end !== null).length
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', ' ', '\r', '\n', '\u2028', '-', '>', '\r\n') }),
        fc.string({ unit: fc.constantFrom('x', '\r', '\n', '-->'), minLength: 1 }),
        (text, id) => {
          const calls = hostile(`x${text}`, id)
          const vtt = toWebVtt(calls)
          const cues = vtt.trimEnd().split('\n\n').slice(1)
          expect(cues).toHaveLength(spoken)
          for (const cue of cues) expect(cue.split('\n')[1]).toMatch(/^[\d:.]+ --> [\d:.]+$/)
          expect(vtt.match(/-->/g)).toHaveLength(spoken)
          expect(vtt).not.toMatch(/\r/)
          const srt = toSrt(calls)
          expect(srt.trimEnd().split('\n\n')).toHaveLength(spoken)
          expect(srt.match(/-->/g)).toHaveLength(spoken)
        },
      ),
    )
  })
})
