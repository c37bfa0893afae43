import { describe, expect, it } from 'vitest'
import { MFCC_COUNT } from '../audio/features'
import { computeFrameFeatures, frameCount, radix2Fft } from './frame-features'

const tone = (hz: number, seconds: number, amplitude = 0.5) =>
  Float32Array.from(
    { length: Math.round(seconds * 16_000) },
    (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / 16_000),
  )

describe('radix2Fft', () => {
  it('matches a direct DFT', () => {
    const n = 64
    const signal = Array.from(
      { length: n },
      (_, i) => Math.sin(i * 0.7) + 0.3 * Math.cos(i * 2.1) + (i % 5) / 5,
    )
    const re = Float64Array.from(signal)
    const im = new Float64Array(n)
    radix2Fft(n)(re, im)
    for (const k of [0, 1, 7, 20, 32, 50]) {
      let dr = 0
      let di = 0
      signal.forEach((x, t) => {
        dr += x * Math.cos((-2 * Math.PI * k * t) / n)
        di += x * Math.sin((-2 * Math.PI * k * t) / n)
      })
      expect(re[k]).toBeCloseTo(dr, 9)
      expect(im[k]).toBeCloseTo(di, 9)
    }
  })
})

describe('computeFrameFeatures', () => {
  it('has one frame per 10 ms hop of a full 25 ms window', () => {
    expect([399, 400, 559, 560, 16_000].map(frameCount)).toEqual([0, 1, 1, 2, 98])
    const features = computeFrameFeatures(new Float32Array(16_000))
    expect(features.frames).toBe(98)
    expect(features.mfcc).toHaveLength(98 * MFCC_COUNT)
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

  it('gives flat cepstra for silence', () => {
    const { mfcc } = computeFrameFeatures(new Float32Array(800))
    expect(mfcc[0]).toBeCloseTo(Math.sqrt(24) * Math.log(1e-8), 3)
    for (let c = 1; c < MFCC_COUNT; c++) expect(Math.abs(mfcc[c] ?? 1)).toBeLessThan(1e-3)
  })
})
