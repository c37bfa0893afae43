import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { placeCall } from '../place/place-call'
import { findTalkOver } from '../talk-over'
import { historyFixture, timingsFixture } from '../test-fixtures'
import { callStats, percentile } from './call-stats'
import type { FindContext } from './find'
import { EMPTY_QUERY, findMatches, isQueryActive, stepMatch } from './find'
import { replyLatencies } from './reply-latencies'

const DEMO = join(import.meta.dirname, '../../../public/demo')
const demoText = (name: string) => readFileSync(join(DEMO, name), 'utf8')
const timeline = placeCall({
  history: historyFixture('session-report.json', demoText('session-report.json')),
  timings: timingsFixture('timed-strings.json', demoText('timed-strings.json')),
})
const latencies = replyLatencies(timeline.items)
const talkOver = findTalkOver(timeline.items)

test('nearest-rank percentiles', () => {
  expect(percentile([1, 2, 3, 4], 0.5)).toBe(2)
  expect(percentile([1, 2, 3, 4], 0.95)).toBe(4)
  expect(percentile([7], 0.5)).toBe(7)
  expect(percentile([], 0.5)).toBeNaN()
})

test('the demo call summary', () => {
  const stats = callStats(timeline.items, latencies, talkOver, 3, 67.119)
  expect(stats).toMatchObject({
    duration: 67.119,
    userTurns: 4,
    agentTurns: 6,
    interruptions: 1,
    toolCalls: 2,
    toolErrors: 0,
    warnings: 3,
  })
  expect(stats.heard?.count).toBe(4)
  expect(stats.heard?.maxId).toBe('item_a08f6d3c1e95')
  expect(stats.heard?.max).toBeCloseTo(2.37, 2)
  expect(stats.heard?.p50).toBeCloseTo(1.19, 2)
  expect(stats.talkOverSeconds).toBeGreaterThan(0.5)
})

const ctx = (over: Partial<FindContext> = {}): FindContext => ({
  latencies,
  talkOverIds: new Set(talkOver.flatMap((o) => [o.userId, o.agentId])),
  warningIds: new Set(),
  flaggedIds: new Set(),
  ...over,
})

test('an empty query finds nothing and is not active', () => {
  expect(isQueryActive(EMPTY_QUERY)).toBe(false)
  expect(findMatches(timeline.items, EMPTY_QUERY, ctx())).toEqual([])
})

test('text search looks through speech, tool names and arguments, case-insensitively', () => {
  const find = (text: string) => findMatches(timeline.items, { ...EMPTY_QUERY, text }, ctx())
  expect(find('+15552184470')).toEqual(['item_94c0b7e21f6a/fnc_0', 'item_b3e97d2a0c64/fnc_0'])
  expect(find('CR-30417')).toEqual(['item_7e2c5b0a9f13'])
  // The config update that added the tool names it too.
  expect(find('APPLY_BILL')).toEqual([
    'item_8a4d2e6b1c90',
    'item_b3e97d2a0c64/fnc_0',
    'item_7e2c5b0a9f13',
  ])
})

test('filters combine: slow replies, interrupted, talk-over, role, flagged', () => {
  const find = (q: Partial<typeof EMPTY_QUERY>, c = ctx()) =>
    findMatches(timeline.items, { ...EMPTY_QUERY, ...q }, c)
  expect(find({ slow: true, slowerThanS: 2 })).toEqual(['item_a08f6d3c1e95'])
  expect(find({ slow: true, slowerThanS: 1.18 })).toHaveLength(3)
  expect(find({ interrupted: true })).toEqual(['item_f2b81c6d0a5e'])
  expect(find({ talkOver: true, role: 'user' })).toEqual(['item_6c1a4f9e3d27'])
  expect(find({ role: 'tool' })).toHaveLength(4)
  expect(find({ flagged: true }, ctx({ flaggedIds: new Set(['item_d46a2b8f7e31']) }))).toEqual([
    'item_d46a2b8f7e31',
  ])
  expect(find({ lowConfidence: true })).toEqual([])
})

test('next and previous match wrap around from the playhead', () => {
  const starts = [10, 20, 30]
  expect(stepMatch(starts, 0, 1)).toBe(0)
  expect(stepMatch(starts, 20, 1)).toBe(2)
  expect(stepMatch(starts, 31, 1)).toBe(0)
  expect(stepMatch(starts, 20, -1)).toBe(0)
  expect(stepMatch(starts, 5, -1)).toBe(2)
  expect(stepMatch([], 5, -1)).toBeUndefined()
})
