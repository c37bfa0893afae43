import { describe, expect, it } from 'vitest'
import { FEATURE_HOP_S, MFCC_COUNT } from '../audio/features'
import { addSpeech, featuresOf, TEST_RATE } from './test-signals'

describe('alignment features', () => {
  const signal = new Float32Array(3 * TEST_RATE)
  addSpeech(signal, { start: 1, duration: 1 })

  it('has one frame per 10 ms and 13 MFCCs per frame', () => {
    const f = featuresOf([signal])
    expect(f.frames).toBe(300)
    expect(f.channels[0]!.mfcc.length).toBe(300 * MFCC_COUNT)
  })

  it('rises from silence where the burst starts', () => {
    const { energy } = featuresOf([signal]).channels[0]!
    const onset = energy.findIndex((e) => e > -20) * FEATURE_HOP_S
    expect(onset).toBeGreaterThan(0.97)
    expect(onset).toBeLessThan(1.0)
  })

  it('gives the same frames whatever the chunk sizes', () => {
    const a = featuresOf([signal], TEST_RATE, 4096).channels[0]!
    const b = featuresOf([signal], TEST_RATE, 333).channels[0]!
    expect(Array.from(b.energy)).toEqual(Array.from(a.energy))
    expect(Array.from(b.mfcc)).toEqual(Array.from(a.mfcc))
  })

  it('reads 48 kHz input like the same signal at 16 kHz', () => {
    const high = new Float32Array(3 * 48_000)
    for (let i = 0; i < high.length; i++) {
      const t = i / 48_000
      high[i] = t > 1 && t < 2 ? 0.5 * Math.sin(2 * Math.PI * 440 * t) : 0
    }
    const low = new Float32Array(3 * TEST_RATE)
    for (let i = 0; i < low.length; i++) {
      const t = i / TEST_RATE
      low[i] = t > 1 && t < 2 ? 0.5 * Math.sin(2 * Math.PI * 440 * t) : 0
    }
    const a = featuresOf([high], 48_000).channels[0]!.energy
    const b = featuresOf([low]).channels[0]!.energy
    expect(a.length).toBe(b.length)
    for (const f of [50, 150, 250]) expect(a[f]).toBeCloseTo(b[f]!, 0)
  })
})
