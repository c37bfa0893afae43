import { describe, expect, test } from 'vitest'
import type { Corrections } from './corrections'
import { applyCorrections, NO_CORRECTIONS, nudgeGlobal, nudgeItem } from './corrections'
import { alignmentExportSchema } from './export/alignment-schema'
import { buildAlignmentExport, correctionsFromExport } from './export/alignment'
import { placeCall } from './place/place-call'
import { historyFixture, timingsFixture } from './test-fixtures'

const GREETING = 'item_b7e41c09a2f6'
const timeline = placeCall({
  history: historyFixture('session-report.json'),
  timings: timingsFixture(),
})
const recording = { file: 'audio.ogg', duration: 63.7, channels: 2 }

function exported(corrections: Corrections) {
  return buildAlignmentExport(applyCorrections(timeline, corrections), corrections, recording)
}

describe('corrections', () => {
  test('a +100 ms global nudge moves every item and word by exactly 0.1 s', () => {
    const before = exported(NO_CORRECTIONS)
    const after = exported(nudgeGlobal(NO_CORRECTIONS, 0.1))
    expect(after.global_offset_s).toBe(0.1)
    after.items.forEach((item, i) => {
      const old = before.items[i]
      expect(item.id).toBe(old?.id)
      expect(item.start_s - (old?.start_s ?? NaN)).toBeCloseTo(0.1, 9)
      item.words?.forEach((w, j) =>
        expect(w.start_s - (old?.words?.[j]?.start_s ?? NaN)).toBeCloseTo(0.1, 9),
      )
    })
  })

  test('nudging one message moves only it, words included', () => {
    const before = exported(NO_CORRECTIONS)
    const after = exported(nudgeItem(NO_CORRECTIONS, GREETING, -0.25))
    for (const item of after.items) {
      const old = before.items.find((i) => i.id === item.id)
      const expected = item.id === GREETING ? -0.25 : 0
      expect(item.start_s - (old?.start_s ?? NaN)).toBeCloseTo(expected, 9)
      expect((item.words?.[0]?.start_s ?? 0) - (old?.words?.[0]?.start_s ?? 0)).toBeCloseTo(
        expected,
        9,
      )
    }
    expect(after.items.find((i) => i.id === GREETING)?.nudge_s).toBe(-0.25)
  })

  test('ten +10 ms steps add up to exactly 0.1 s; a nudge back to zero disappears', () => {
    let c = NO_CORRECTIONS
    for (let i = 0; i < 10; i++) c = nudgeGlobal(nudgeItem(c, GREETING, 0.01), 0.01)
    expect(c.globalOffset).toBe(0.1)
    expect(c.nudges.get(GREETING)).toBe(0.1)
    expect(nudgeItem(c, GREETING, -0.1).nudges.size).toBe(0)
  })
})

describe('turnline.alignment v1 export', () => {
  test('follows the product.md contract and validates against its own schema', () => {
    const file = exported(NO_CORRECTIONS)
    expect(alignmentExportSchema.parse(JSON.parse(JSON.stringify(file)))).toBeTruthy()
    expect(file.recording).toEqual({
      file: 'audio.ogg',
      duration_s: 63.7,
      channels: 2,
      t0_unix: 1763900000.2084112,
      t0_source: 'audio_recording_started_at',
    })
    const greeting = file.items.find((i) => i.id === GREETING)
    expect(greeting).toMatchObject({
      type: 'message',
      role: 'assistant',
      interrupted: false,
      nudge_s: 0,
      basis: 'metrics',
    })
    expect(greeting?.start_s).toBe(0.975712)
    expect(greeting?.words?.[0]).toEqual({
      text: 'Hi,',
      start_s: 1.035712,
      end_s: 1.215712,
      heard: true,
    })
    const call = file.items.find((i) => i.type === 'function_call')
    expect(call).toEqual({
      id: 'item_2c7f9e4a0b61/fnc_0',
      type: 'function_call',
      name: 'check_outage',
      start_s: 22.843289,
      end_s: null,
      nudge_s: 0,
      basis: 'created_at',
    })
  })

  test('re-importing an export restores the corrections', () => {
    const corrections = nudgeItem(nudgeGlobal(NO_CORRECTIONS, 0.37), GREETING, -0.2)
    const file = alignmentExportSchema.parse(JSON.parse(JSON.stringify(exported(corrections))))
    const restored = correctionsFromExport(file, timeline, 'export.json')
    expect(restored.problems).toEqual([])
    expect(restored.corrections).toEqual(corrections)
  })

  test('ids the loaded history does not know are reported, not applied', () => {
    const file = exported(nudgeItem(NO_CORRECTIONS, GREETING, 0.5))
    file.items.push({ id: 'item_gone', type: 'message', start_s: 1, end_s: 2, nudge_s: 1 })
    const restored = correctionsFromExport(file, timeline, 'export.json')
    expect(restored.corrections?.nudges).toEqual(new Map([[GREETING, 0.5]]))
    expect(restored.problems[0]?.message).toMatch(/item_gone/)
  })
})

describe('re-importing an export made for something else', () => {
  test('an export of another call is refused', () => {
    const file = exported(nudgeGlobal(NO_CORRECTIONS, 1))
    file.items = file.items.map((i) => ({ ...i, id: `other_${i.id}` }))
    const restored = correctionsFromExport(file, timeline, 'other.json')
    expect(restored.corrections).toBeUndefined()
    expect(restored.problems).toEqual([
      {
        severity: 'error',
        file: 'other.json',
        path: 'items',
        message: 'none of its items is in the loaded history: it belongs to another call',
      },
    ])
  })

  test('an export against another anchor applies, with a warning', () => {
    const file = exported(nudgeGlobal(NO_CORRECTIONS, 1))
    file.recording.t0_unix = 1763900000.6523
    const restored = correctionsFromExport(file, timeline, 'egress.json')
    expect(restored.corrections?.globalOffset).toBe(1)
    expect(restored.problems[0]?.message).toMatch(/^exported against t0 1763900000\.6523/)
  })
})
