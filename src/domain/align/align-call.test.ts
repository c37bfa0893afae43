import { describe, expect, it } from 'vitest'
import type { TurnToAlign } from './align-call'
import { alignCall } from './align-call'
import { addNoise, addSpeech, featuresOf, TEST_RATE } from './test-signals'

const toSample = (t: number) => Math.round(t * TEST_RATE)

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

function monoMix([left, right]: Float32Array[]): Float32Array {
  return left!.map((v, i) => v + right![i]!)
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
  const mono = { kind: 'mono', channel: 0 } as const

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

  const jitter = (i: number) => ((i * 7919) % 61) / 100 - 0.3
  /** How many turns the alignment starts within 50 ms of where they are heard, on a mono mix. */
  const foundOnMono = (placed: TurnToAlign[]) => {
    const result = alignCall(placed, featuresOf([monoMix(call.channels)]), mono, {
      anchor: 'guessed',
    })
    return call.spoken.filter(
      (s, i) => Math.abs((result.turns.get(`m${i}`)?.start ?? 0) - s.start) < 0.05,
    ).length
  }

  it('finds created_at-like clocks seconds off, on a mono mix of both voices', () => {
    const placed = turns(call.spoken, (s, i) => s.start + 4.2 + jitter(i), 'rough')
    expect(foundOnMono(placed)).toBeGreaterThanOrEqual(call.spoken.length - 1)
  })

  it('places a mono call whose history has no timestamps at all, from the order alone', () => {
    // The placement of an order-only history is a plain layout, tens of seconds off by the end.
    const placed = turns(call.spoken, (_, i) => 2 * i, 'order')
    expect(foundOnMono(placed)).toBeGreaterThanOrEqual(call.spoken.length - 1)
  })

  it('hears two neighbouring turns in the other order when their rough clocks sort them wrong', () => {
    // A caller's created_at comes after their speech, and scatters by a second: here it sorts the
    // caller after the reply that answered them.
    const placed = turns(call.spoken, (s, i) => s.start + 0.4 + 2 * jitter(i), 'rough')
    const [user, reply] = [placed[5]!, placed[6]!]
    placed[5] = reply
    placed[6] = {
      ...user,
      start: reply.start + 0.5,
      end: reply.start + 0.5 + user.end - user.start,
    }
    const result = alignCall(placed, featuresOf([monoMix(call.channels)]), mono, {
      anchor: 'guessed',
    })
    expect(Math.abs(result.turns.get(user.id)!.start - call.spoken[5]!.start)).toBeLessThan(0.05)
    expect(Math.abs(result.turns.get(reply.id)!.start - call.spoken[6]!.start)).toBeLessThan(0.05)
  })

  it('starts a caller who cut into a reply on a mono mix where the barge-in began', () => {
    // The reply at index 6 is cut: the caller (index 7) starts 0.5 s before it stops.
    const cut = call.spoken[6]!
    const caller = { ...call.spoken[7]!, start: cut.start + cut.duration - 0.5 }
    const channels = call.channels.map((c) => c.slice())
    const original = call.spoken[7]!
    channels[0]!.fill(0, toSample(original.start), toSample(original.start + original.duration))
    addSpeech(channels[0]!, { start: caller.start, duration: caller.duration, f0: 110 }, 7)
    const spoken = call.spoken.map((s, i) => (i === 7 ? caller : s))
    const placed = turns(spoken, (s, i) => s.start + 0.4 + jitter(i), 'rough')
    placed[6] = { ...placed[6]!, interrupted: true }
    const result = alignCall(placed, featuresOf([monoMix(channels)]), mono, { anchor: 'guessed' })
    expect(Math.abs(result.turns.get('m7')!.start - caller.start)).toBeLessThan(0.1)
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
