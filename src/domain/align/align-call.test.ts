import { describe, expect, it } from 'vitest'
import type { TurnToAlign } from './align-call'
import { alignCall } from './align-call'
import { addNoise, addSpeech, featuresOf, TEST_RATE } from './test-signals'

interface Spoken {
  lane: 'user' | 'agent'
  start: number
  duration: number
}

/** A stereo call: the caller on the left, the agent on the right, alternating with pauses. */
function stereoCall(seconds: number) {
  const user = new Float32Array(seconds * TEST_RATE)
  const agent = new Float32Array(seconds * TEST_RATE)
  const spoken: Spoken[] = []
  let t = 1.3
  for (let i = 0; t < seconds - 5; i++) {
    const lane = i % 2 === 0 ? 'agent' : 'user'
    const duration = 1.2 + ((i * 37) % 23) / 10
    addSpeech(
      lane === 'agent' ? agent : user,
      { start: t, duration, f0: lane === 'agent' ? 190 : 110 },
      i,
    )
    spoken.push({ lane, start: t, duration })
    t += duration + 0.7 + ((i * 13) % 7) / 10
  }
  addNoise(user, 0.003)
  return { channels: [user, agent], spoken }
}

function turns(
  spoken: Spoken[],
  place: (s: Spoken, i: number) => number,
  clock: TurnToAlign['clock'],
): TurnToAlign[] {
  return spoken.map((s, i) => ({
    id: `m${i}`,
    lane: s.lane,
    start: place(s, i),
    end: place(s, i) + s.duration,
    chars: Math.round(s.duration * 14),
    interrupted: false,
    clock,
    fixed: false,
  }))
}

describe('aligning a call to its audio', () => {
  const call = stereoCall(240)
  const features = featuresOf(call.channels)
  const layout = { kind: 'stereo', user: 0, agent: 1 } as const

  it('recovers a known shift and rate on measured clocks with an estimated anchor', () => {
    const rate = 400e-6
    const shift = -2.3
    const placed = turns(call.spoken, (s) => (s.start - shift) / (1 + rate), 'measured')
    const result = alignCall(placed, features, layout, { anchor: 'estimated' })
    expect(result.driftFitted).toBe(true)
    expect(Math.abs(result.driftPpm - 400)).toBeLessThan(150)
    for (const [i, s] of call.spoken.entries()) {
      const aligned = result.turns.get(`m${i}`)
      expect(aligned?.status).toBe('matched')
      expect(Math.abs((aligned?.start ?? 0) - s.start)).toBeLessThan(0.03)
    }
  })

  it('finds created_at-like clocks seconds off, on a mono mix of both voices', () => {
    const mono = new Float32Array(call.channels[0]!.length)
    for (let i = 0; i < mono.length; i++) mono[i] = call.channels[0]![i]! + call.channels[1]![i]!
    const jitter = (i: number) => ((i * 7919) % 61) / 100 - 0.3
    const placed = turns(call.spoken, (s, i) => s.start + 4.2 + jitter(i), 'rough')
    const result = alignCall(
      placed,
      featuresOf([mono]),
      { kind: 'mono', channel: 0 },
      { anchor: 'guessed' },
    )
    const errors = call.spoken.map((s, i) =>
      Math.abs((result.turns.get(`m${i}`)?.start ?? 0) - s.start),
    )
    expect(errors.filter((e) => e < 0.05).length).toBeGreaterThanOrEqual(call.spoken.length - 1)
  })

  it('says it found nothing rather than placing turns confidently on silence', () => {
    const silent = featuresOf([new Float32Array(60 * TEST_RATE), new Float32Array(60 * TEST_RATE)])
    const placed = turns(call.spoken.slice(0, 6), (s) => s.start, 'rough')
    const result = alignCall(placed, silent, layout, { anchor: 'guessed' })
    for (const aligned of result.turns.values()) {
      expect(aligned.status).toBe('unmatched')
      expect(aligned.confidence).toBe(0)
    }
  })

  it('never moves a hand-corrected message, and keeps exact measured clocks where they are', () => {
    const placed = turns(call.spoken, (s) => s.start, 'measured')
    placed[3] = { ...placed[3]!, start: placed[3]!.start + 0.4, fixed: true }
    const result = alignCall(placed, features, layout, { anchor: 'known' })
    expect(result.turns.get('m3')?.status).toBe('kept')
    for (const [i, s] of call.spoken.entries()) {
      if (i === 3) continue
      expect(Math.abs((result.turns.get(`m${i}`)?.start ?? 0) - s.start)).toBeLessThan(0.03)
    }
  })
})
