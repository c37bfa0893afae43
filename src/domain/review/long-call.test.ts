import { expect, test } from 'vitest'
import { longCall } from '../../../scripts/review-call/long-call'
import { placeCall } from '../place/place-call'
import { findTalkOver } from '../talk-over'
import { historyFixture } from '../test-fixtures'
import { EMPTY_QUERY, findMatches } from './find'
import { replyLatencies } from './reply-latencies'

const call = longCall()
const timeline = placeCall({
  history: historyFixture('long-call.json', call.report),
  audio: { duration: call.truth.duration_s, channels: 2 },
})
const latencies = replyLatencies(timeline.items)

test('the generated long call is long and every reply is heard exactly as laid out', () => {
  expect(call.truth.messages).toBeGreaterThanOrEqual(300)
  expect(timeline.items.filter((i) => i.lane !== 'marker')).toHaveLength(call.truth.messages)
  expect(call.truth.replies.length).toBeGreaterThan(150)
  for (const reply of call.truth.replies) {
    const latency = latencies.get(reply.id)
    expect(latency?.userId).toBe(reply.user_id)
    expect(latency?.heard).toBeCloseTo(reply.latency_s, 5)
    expect(latency?.reported).toBe(reply.latency_s)
  }
})

test('"slower than 2 s" finds exactly the slow replies of the truth', () => {
  const ctx = {
    latencies,
    talkOverIds: new Set(findTalkOver(timeline.items).flatMap((o) => [o.userId, o.agentId])),
    warningIds: new Set<string>(),
    flaggedIds: new Set<string>(),
  }
  const slow = findMatches(timeline.items, { ...EMPTY_QUERY, slow: true, slowerThanS: 2 }, ctx)
  expect(slow).toEqual(call.truth.slow_over_2s)
  const phrase = findMatches(timeline.items, { ...EMPTY_QUERY, text: 'Purple Elephant' }, ctx)
  expect(phrase).toEqual([call.truth.phrase.id])
})

test('the WAV is 8-bit stereo PCM as long as the call', () => {
  const view = new DataView(call.wav.buffer)
  expect(String.fromCharCode(...call.wav.subarray(0, 4))).toBe('RIFF')
  expect(view.getUint16(22, true)).toBe(2)
  expect(view.getUint32(40, true) / 2 / view.getUint32(24, true)).toBeCloseTo(
    call.truth.duration_s,
    3,
  )
})
