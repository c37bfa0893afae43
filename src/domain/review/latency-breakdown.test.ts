import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { applyCorrections, NO_CORRECTIONS, nudgeItem } from '../corrections'
import { placeCall } from '../place/place-call'
import { historyFixture, timingsFixture } from '../test-fixtures'
import { heardLatencies } from './heard-latency'
import { replyLatencies } from './reply-latencies'

/** The bundled demo call (public/demo), generated with exact metrics. */
const DEMO = join(import.meta.dirname, '../../../public/demo')
const demoText = (name: string) => readFileSync(join(DEMO, name), 'utf8')
const timeline = placeCall({
  history: historyFixture('session-report.json', demoText('session-report.json')),
  timings: timingsFixture('timed-strings.json', demoText('timed-strings.json')),
})
const latencies = replyLatencies(timeline.items)

const parts = (id: string) =>
  Object.fromEntries((latencies.get(id)?.parts ?? []).map((p) => [p.key, p.seconds]))

test('a reply to a user turn splits e2e_latency into the report stages, rest ≈ 0', () => {
  // item_5b82d0f4a1e7: transcription 0.2417, end of turn 0.5833; reply: ttft 0.40162, ttfb 0.20517
  const reply = latencies.get('item_e7d3096c4b18')
  expect(reply?.reported).toBe(1.19)
  expect(reply?.userId).toBe('item_5b82d0f4a1e7')
  expect(reply?.overlapping).toBe(false)
  expect(parts('item_e7d3096c4b18')).toEqual({
    transcription: 0.2417,
    end_of_turn: 0.3416,
    llm: 0.40162,
    tts: 0.20517,
    rest: 0,
  })
})

test('a reply after a tool call leaves the tool time in the rest', () => {
  // e2e 2.37 = 0.6187 end of turn + 0.44819 LLM + 0.20093 TTS + 1.10218 rest (apply_bill_credit)
  expect(parts('item_a08f6d3c1e95')).toEqual({
    transcription: 0.2561,
    end_of_turn: 0.3626,
    llm: 0.44819,
    tts: 0.20093,
    rest: 1.10218,
  })
})

test('the models and providers of each stage are named', () => {
  expect(latencies.get('item_e7d3096c4b18')?.models).toEqual([
    { stage: 'STT', model: 'nova-3', provider: 'Deepgram' },
    { stage: 'LLM', model: 'gpt-4.1-mini', provider: 'api.openai.com' },
    { stage: 'TTS', model: 'sonic-3', provider: 'Cartesia' },
  ])
})

test('heard latency is measured in the recording and agrees with e2e_latency on the demo', () => {
  for (const id of ['item_e7d3096c4b18', 'item_94c0b7e21f6a', 'item_a08f6d3c1e95']) {
    const reply = latencies.get(id)
    expect(reply?.heard).toBeCloseTo(reply?.reported ?? NaN, 2)
  }
})

test('the greeting and a tool-reply step (here an interrupted one) answer nobody', () => {
  expect(latencies.has('item_c19e7a3f52d0')).toBe(false)
  expect(latencies.has('item_f2b81c6d0a5e')).toBe(false)
  expect([...heardLatencies(timeline.items).keys()]).toEqual([
    'item_e7d3096c4b18',
    'item_94c0b7e21f6a',
    'item_a08f6d3c1e95',
    'item_d46a2b8f7e31',
  ])
})

test('heard latency follows a correction; the reported one does not', () => {
  const before = heardLatencies(timeline.items).get('item_d46a2b8f7e31')?.seconds ?? NaN
  const corrected = applyCorrections(
    timeline,
    nudgeItem(NO_CORRECTIONS, 'item_d46a2b8f7e31', 0.5),
  )
  const after = replyLatencies(corrected.items).get('item_d46a2b8f7e31')
  expect(after?.heard).toBeCloseTo(before + 0.5, 6)
  expect(after?.reported).toBe(1.15)
})

test('stages that overlap (preemptive generation) show no rest', () => {
  const reply = timeline.items.find((i) => i.id === 'item_d46a2b8f7e31')
  if (reply?.source.type !== 'message') throw new Error('demo reply missing')
  const fast = {
    ...reply,
    source: { ...reply.source, metrics: { ...reply.source.metrics, e2e_latency: 0.5 } },
  }
  const latency = replyLatencies(timeline.items.map((i) => (i.id === fast.id ? fast : i))).get(
    fast.id,
  )
  expect(latency?.overlapping).toBe(true)
  expect(latency?.parts.map((p) => p.key)).toEqual(['transcription', 'end_of_turn', 'llm', 'tts'])
})

test('malformed metrics count as missing instead of throwing', () => {
  const reply = timeline.items.find((i) => i.id === 'item_e7d3096c4b18')
  if (reply?.source.type !== 'message') throw new Error('demo reply missing')
  const odd = {
    ...reply,
    source: {
      ...reply.source,
      metrics: { ...reply.source.metrics, llm_node_ttft: -3, llm_metadata: 'gpt' },
    },
  }
  const latency = replyLatencies(timeline.items.map((i) => (i.id === odd.id ? odd : i))).get(odd.id)
  expect(latency?.parts.map((p) => p.key)).toEqual(['transcription', 'end_of_turn', 'tts', 'rest'])
  expect(latency?.models.map((m) => m.stage)).toEqual(['STT', 'TTS'])
})
