import { describe, expect, it } from 'vitest'
import { coarseOffset } from './coarse-offset'

function mask(frames: number, spans: [number, number][], shift = 0): Uint8Array {
  const out = new Uint8Array(frames)
  for (const [a, b] of spans) out.fill(1, Math.max(0, a + shift), Math.min(frames, b + shift))
  return out
}

const spans: [number, number][] = [
  [100, 260],
  [400, 520],
  [700, 1000],
  [1200, 1330],
  [1500, 1720],
  [2100, 2200],
]

describe('coarse offset', () => {
  it.each([-1234, -40, 0, 377, 2500])('recovers a shift of %i frames', (shift) => {
    const frames = 6000
    const expected = Float32Array.from(mask(frames, spans, 2000))
    const detected = mask(frames, spans, 2000 + shift)
    const result = coarseOffset([{ expected, detected }], 60)
    expect(result.offset).toBeCloseTo(shift / 100, 5)
    expect(result.score).toBeGreaterThan(result.runnerUp)
  })

  it('adds the evidence of both lanes', () => {
    const frames = 4000
    const user = {
      expected: Float32Array.from(mask(frames, spans.slice(0, 3), 500)),
      detected: mask(frames, spans.slice(0, 3), 650),
    }
    const agent = {
      expected: Float32Array.from(mask(frames, spans.slice(3), 500)),
      detected: mask(frames, spans.slice(3), 650),
    }
    expect(coarseOffset([user, agent], 30).offset).toBeCloseTo(1.5, 5)
  })
})
