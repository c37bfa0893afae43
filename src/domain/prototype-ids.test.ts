import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import type { Corrections } from './corrections'
import { applyCorrections, NO_CORRECTIONS, nudgeGlobal, nudgeItem } from './corrections'
import { buildAlignmentExport, correctionsFromExport } from './export/alignment'
import { toSrt, toWebVtt } from './export/captions'
import { toCsv } from './export/csv'
import { parseInputText } from './parse/parse-input'
import { placeCall } from './place/place-call'
import { fromStored, toStored } from './stored-corrections'
import { fixtureJson, historyFixture } from './test-fixtures'

/** Every own and inherited name of Object.prototype, the ids that broke plain-object lookups. */
const PROTOTYPE_NAMES = [
  'constructor',
  'toString',
  '__proto__',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'toLocaleString',
  '__defineGetter__',
  'propertyIsEnumerable',
]

const source = fixtureJson('history-with-timestamps.json') as { items: { id: string }[] }
const ITEM_COUNT = source.items.length

/** The fixture history with its item ids replaced, as a file would carry them. */
function historyWithIds(ids: readonly string[]) {
  const items = source.items.map((item, i) => ({ ...item, id: ids[i] ?? item.id }))
  return historyFixture('history.json', JSON.stringify({ items }))
}

const idsArbitrary = fc.uniqueArray(
  fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), fc.string({ minLength: 1, maxLength: 12 })),
  { minLength: ITEM_COUNT, maxLength: ITEM_COUNT },
)

function reimport(text: string, timeline: ReturnType<typeof placeCall>): Corrections {
  const parsed = parseInputText('call.turnline.json', text)
  if (!parsed.ok || parsed.value.kind !== 'alignment') throw new Error('export did not re-open')
  const restored = correctionsFromExport(parsed.value.alignment, timeline, 'call.turnline.json')
  if (!restored.corrections) throw new Error(restored.problems.map((p) => p.message).join())
  return restored.corrections
}

describe('item ids named after Object.prototype members', () => {
  test('round-trip through nudge, export, CSV, storage and re-import', () => {
    fc.assert(
      fc.property(
        idsArbitrary,
        fc.array(fc.tuple(fc.nat(ITEM_COUNT - 1), fc.integer({ min: -300, max: 300 })), {
          minLength: 1,
          maxLength: 8,
        }),
        (ids, steps) => {
          const timeline = placeCall({ history: historyWithIds(ids) })
          let corrections = nudgeGlobal(NO_CORRECTIONS, 0.05)
          for (const [index, centiseconds] of steps)
            corrections = nudgeItem(corrections, ids[index] ?? '', centiseconds / 100)
          const corrected = applyCorrections(timeline, corrections)
          for (const item of corrected.items) expect(typeof item.start).toBe('number')

          const file = buildAlignmentExport(corrected, corrections, { file: 'a.ogg' })
          const reopened = reimport(JSON.stringify(file), timeline)
          expect(reopened.globalOffset).toBe(corrections.globalOffset)
          expect(new Map(reopened.nudges)).toEqual(new Map(corrections.nudges))

          const stored = fromStored(JSON.parse(JSON.stringify(toStored(corrections))))
          expect(stored?.dropped).toEqual([])
          expect(new Map(stored?.corrections.nudges)).toEqual(new Map(corrections.nudges))

          const csv = toCsv(corrected, corrections)
          expect(csv.trimEnd().split('\r\n')).toHaveLength(corrected.items.length + 1)
          expect(toWebVtt(corrected)).not.toContain('NaN')
          expect(toSrt(corrected)).not.toContain('NaN')
        },
      ),
      { numRuns: 60 },
    )
  })

  test('an item named __proto__ moves by its own nudge and no other', () => {
    const ids = source.items.map((item, i) => PROTOTYPE_NAMES[i] ?? item.id)
    const timeline = placeCall({ history: historyWithIds(ids) })
    const corrections = nudgeItem(NO_CORRECTIONS, '__proto__', 0.5)
    const before = new Map(timeline.items.map((i) => [i.id, i.start]))
    for (const item of applyCorrections(timeline, corrections).items) {
      const expected = item.id === '__proto__' ? 0.5 : 0
      expect(item.start - (before.get(item.id) ?? NaN)).toBeCloseTo(expected, 9)
    }
    expect(Object.getPrototypeOf(toStored(corrections).nudges)).toBe(Object.prototype)
  })
})
