import { describe, expect, it } from 'vitest'
import { SPAN_DIMENSIONS, spanFrames } from './class-costs'

const HIGH_LOUDNESS = 2

describe('spanFrames: high-band loudness', () => {
  it('tells a weak fricative from a closure when both are at the low band’s floor', () => {
    // 0–100 a vowel, 100–120 a closure, 120–140 a weak fricative (low band still at the closure's
    // level, 2–6 kHz 25 dB over its floor), 140–240 a vowel; the noise floor under everything.
    const frames = 240
    const energy = new Float32Array(frames).fill(30)
    const highEnergy = new Float32Array(frames).fill(10)
    energy.fill(-5, 100, 140)
    highEnergy.fill(-15, 100, 120)
    highEnergy.fill(10, 120, 140)
    const span = spanFrames({ energy, highEnergy, startFrame: 0, endFrame: frames })
    const at = (t: number) => span.values[t * SPAN_DIMENSIONS + HIGH_LOUDNESS] ?? NaN
    expect(span.values[110 * SPAN_DIMENSIONS]).toBeCloseTo(span.values[130 * SPAN_DIMENSIONS] ?? 0)
    expect(at(110)).toBeLessThan(0.1)
    expect(at(130)).toBeGreaterThan(0.5)
  })
})
