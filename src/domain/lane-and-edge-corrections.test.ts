import { describe, expect, test } from 'vitest'
import type { Corrections } from './corrections'
import { applyCorrections, MIN_SPAN_S, NO_CORRECTIONS, nudgeEdge, nudgeLane } from './corrections'
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

describe('lane offsets', () => {
  test('an agent lane nudge moves agent messages only and is one term, not one nudge per item', () => {
    const corrections = nudgeLane(NO_CORRECTIONS, 'agent', 0.1)
    expect(corrections.laneOffsets).toEqual({ user: 0, agent: 0.1 })
    expect(corrections.nudges).toEqual(new Map())
    const before = exported(NO_CORRECTIONS)
    const after = exported(corrections)
    expect(after.lane_offsets_s).toEqual({ user: 0, agent: 0.1 })
    for (const item of after.items) {
      const old = before.items.find((i) => i.id === item.id)
      const lane = timeline.items.find((i) => i.id === item.id)?.lane
      expect(item.start_s - (old?.start_s ?? NaN)).toBeCloseTo(lane === 'agent' ? 0.1 : 0, 9)
      expect(item.nudge_s).toBe(0)
    }
  })

  test('ten +10 ms lane steps add up to exactly 0.1 s', () => {
    let c = NO_CORRECTIONS
    for (let i = 0; i < 10; i++) c = nudgeLane(c, 'user', 0.01)
    expect(c.laneOffsets.user).toBe(0.1)
  })

  test('re-importing restores lane offsets; a file without them gives zero', () => {
    const corrections = nudgeLane(nudgeLane(NO_CORRECTIONS, 'agent', 0.2), 'user', -0.05)
    const file = alignmentExportSchema.parse(JSON.parse(JSON.stringify(exported(corrections))))
    expect(correctionsFromExport(file, timeline, 'x.json').corrections?.laneOffsets).toEqual({
      user: -0.05,
      agent: 0.2,
    })
    const older = { ...file, lane_offsets_s: undefined }
    expect(correctionsFromExport(older, timeline, 'x.json').corrections?.laneOffsets).toEqual({
      user: 0,
      agent: 0,
    })
  })
})

describe('edge corrections', () => {
  const greeting = () => timeline.items.find((i) => i.id === GREETING)

  test('moving the start edge leaves the end and every other item where they were', () => {
    const corrections = nudgeEdge(NO_CORRECTIONS, GREETING, 'start', 0.3)
    const before = exported(NO_CORRECTIONS)
    const after = exported(corrections)
    for (const item of after.items) {
      const old = before.items.find((i) => i.id === item.id)
      const expected = item.id === GREETING ? 0.3 : 0
      expect(item.start_s - (old?.start_s ?? NaN)).toBeCloseTo(expected, 9)
      expect(item.end_s).toBe(old?.end_s)
    }
    expect(after.items.find((i) => i.id === GREETING)?.edges_s).toEqual({ start_s: 0.3, end_s: 0 })
  })

  test('words stretch into the new span, keeping their order', () => {
    const corrections = nudgeEdge(NO_CORRECTIONS, GREETING, 'end', -1)
    const item = applyCorrections(timeline, corrections).items.find((i) => i.id === GREETING)
    const end = item?.end ?? NaN
    expect(end).toBeCloseTo((greeting()?.end ?? NaN) - 1, 9)
    const words = item?.words ?? []
    expect(words.at(-1)?.end).toBeLessThanOrEqual(end + 1e-9)
    for (let i = 1; i < words.length; i++)
      expect(words[i]?.start).toBeGreaterThanOrEqual(words[i - 1]?.start ?? Infinity)
  })

  test('an edge dragged past the other keeps a minimal span', () => {
    const corrections = nudgeEdge(NO_CORRECTIONS, GREETING, 'start', 100)
    const item = applyCorrections(timeline, corrections).items.find((i) => i.id === GREETING)
    expect((item?.end ?? 0) - (item?.start ?? 0)).toBeCloseTo(MIN_SPAN_S, 9)
  })

  test('an edge moved back to zero disappears; re-import restores edges', () => {
    const moved = nudgeEdge(NO_CORRECTIONS, GREETING, 'end', 0.2)
    expect(nudgeEdge(moved, GREETING, 'end', -0.2).edges).toEqual(new Map())
    const file = alignmentExportSchema.parse(JSON.parse(JSON.stringify(exported(moved))))
    expect(correctionsFromExport(file, timeline, 'x.json').corrections?.edges).toEqual(
      new Map([[GREETING, { start: 0, end: 0.2 }]]),
    )
  })
})
