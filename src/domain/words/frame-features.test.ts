import { describe, expect, it } from 'vitest'
import { MFCC_COUNT } from '../audio/features'
import { computeFrameFeatures } from './frame-features'

const tone = (hz: number, seconds: number, amplitude = 0.5) =>
  Float32Array.from(
    { length: Math.round(seconds * 16_000) },
    (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / 16_000),
  )

describe('computeFrameFeatures (a whole 16 kHz signal through FeatureAccumulator)', () => {
  it('has one frame per started 10 ms hop', () => {
    const features = computeFrameFeatures(new Float32Array(16_000))
    expect(features.frames).toBe(100)
    expect(features.energy).toHaveLength(100)
    expect(features.mfcc).toHaveLength(100 * MFCC_COUNT)
  })

  it('measures 150–4000 Hz band energy: a 1 kHz tone, not a 6 kHz one', () => {
    const inBand = computeFrameFeatures(tone(1000, 0.5)).energy
    const outOfBand = computeFrameFeatures(tone(6000, 0.5)).energy
    const quieter = computeFrameFeatures(tone(1000, 0.5, 0.05)).energy
    expect(inBand[10]).toBeGreaterThan((outOfBand[10] ?? 0) + 40)
    expect((inBand[10] ?? 0) - (quieter[10] ?? 0)).toBeCloseTo(20, 1)
  })

  it('gives MFCCs whose first coefficient follows the spectral tilt', () => {
    const low = computeFrameFeatures(tone(300, 0.3)).mfcc
    const high = computeFrameFeatures(tone(5000, 0.3)).mfcc
    const c1 = (mfcc: Float32Array, frame: number) => mfcc[frame * MFCC_COUNT + 1] ?? 0
    expect(c1(low, 5)).toBeGreaterThan(1)
    expect(c1(high, 5)).toBeLessThan(-1)
  })
})
